// A service's own catalog generates its own enums with the whole API.
use hero_codes::CatalogCode;
use http::StatusCode;

hero_codes::include_catalog!("ui/catalog-pass/custom.toml");

fn main() {
    assert_eq!(AppCode::ALL, [AppCode::Ok, AppCode::AppNotFound, AppCode::Internal]);
    assert_eq!(AppCode::AppNotFound.code(), "40400");
    assert_eq!(AppCode::AppNotFound.status(), StatusCode::NOT_FOUND);
    assert_eq!(AppCode::Internal.desc(), "内部错误");
    assert_eq!(AppCode::from_code("E500"), Some(AppCode::Internal));
    assert_eq!("40400".parse::<AppCode>(), Ok(AppCode::AppNotFound));
    assert_eq!(AppCode::AppNotFound.to_string(), "40400 应用不存在");
    assert_eq!(<AppCode as CatalogCode>::CATALOG, "AppCode");
    assert!(AppCode::MARKDOWN_TABLE.contains("| 40400 | `AppNotFound` | 404 | NOT_FOUND | 应用不存在 |"));
    assert_eq!(serde_json::to_string(&AppCode::Ok).unwrap(), r#""0""#);
    assert_eq!(serde_json::from_str::<AppCode>("40400").unwrap(), AppCode::AppNotFound);

    assert_eq!(<AppCode as CatalogCode>::SUCCESS, AppCode::Ok);
    assert_eq!(JobCode::ALL, [JobCode::Done, JobCode::Queued]);
    assert_eq!(<JobCode as CatalogCode>::SUCCESS, JobCode::Done);
    assert_eq!(JobCode::from_code("0"), None);

    assert_eq!(ENVELOPE.desc, "result_desc");
    assert!(HTTP_STATUSES.rows().is_empty());
}
