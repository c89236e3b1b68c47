// A service's file takes the organisation's catalog from a shared file: both become enums
// of the service, answering in its envelope.
use hero_codes::CatalogCode;

hero_codes::include_catalog!("ui/catalog-pass/shared.toml");

fn main() {
    assert_eq!(PayCode::ALL, [PayCode::Ok, PayCode::Declined]);
    assert_eq!(TeamCode::Busy.code(), "10503");
    assert_eq!(TeamCode::Busy.desc(), "服务繁忙");
    assert_eq!(<TeamCode as CatalogCode>::CATALOG, "TeamCode");
    assert_eq!(PayCode::from_code("20402"), Some(PayCode::Declined));
}
