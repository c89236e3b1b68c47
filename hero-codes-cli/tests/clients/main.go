// A client of the demo that uses only the exports and net/http: each answer read into a
// success or a typed error, printed one line each.
package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"example.com/app/codes"
	"example.com/app/wechat"
)

type app struct {
	Name string `json:"name"`
	User struct {
		Username string `json:"username"`
	} `json:"user"`
}

var base = os.Args[1]

func call(method, path, body string) (int, []byte) {
	request, err := http.NewRequest(method, base+path, strings.NewReader(body))
	check(err)
	request.Header.Set("Authorization", "Bearer demo-token")
	if body != "" {
		request.Header.Set("Content-Type", "application/json")
	}
	response, err := http.DefaultClient.Do(request)
	check(err)
	defer response.Body.Close()
	text, err := io.ReadAll(response.Body)
	check(err)
	return response.StatusCode, text
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}

// failed prints an error of the code expected, found with errors.Is, or panics.
func failed(label string, err error, expected error, typed string) {
	if !errors.Is(err, expected) {
		panic(fmt.Sprint(label, ": ", err))
	}
	var code, desc, catalog string
	var status int
	var resultError *codes.ResultCodeError
	var heroError *codes.HeroCodeError
	var wechatError *wechat.WeChatCodeError
	switch {
	case errors.As(err, &resultError):
		code, desc, status = string(resultError.Code), resultError.Desc, resultError.Status
		catalog = entry(resultError.Code.Entry())
	case errors.As(err, &heroError):
		code, desc, status = string(heroError.Code), heroError.Desc, heroError.Status
		catalog = entry(heroError.Code.Entry())
	case errors.As(err, &wechatError):
		code, desc, status = fmt.Sprint(int64(wechatError.Code)), wechatError.Desc, wechatError.Status
		if known, ok := wechatError.Code.Entry(); ok {
			catalog = fmt.Sprintf(" | catalog %d -", known.Status)
		}
	default:
		panic(err)
	}
	fmt.Printf("%s: %s %d %s %s%s\n", label, typed, status, code, desc, catalog)
}

func entry(known codes.Entry, ok bool) string {
	if !ok {
		return ""
	}
	english, ok := known.Descs["en"]
	if !ok {
		english = "-"
	}
	return fmt.Sprintf(" | catalog %d %s", known.Status, english)
}

// unknown prints an error whose code the catalog does not know.
func unknown(label string, err error) {
	var resultError *codes.ResultCodeError
	var wechatError *wechat.WeChatCodeError
	switch {
	case errors.As(err, &resultError) && !resultError.Known():
		fmt.Printf("%s: unknown %d %s %s\n", label, resultError.Status, string(resultError.Code), resultError.Desc)
	case errors.As(err, &wechatError) && !wechatError.Known():
		fmt.Printf("%s: unknown %d %d %s\n", label, wechatError.Status, int64(wechatError.Code), wechatError.Desc)
	default:
		panic(fmt.Sprint(label, ": ", err))
	}
}

func notAnEnvelope(label string, err error) {
	if !errors.Is(err, codes.ErrEnvelopeShape) && !errors.Is(err, wechat.ErrEnvelopeShape) {
		panic(fmt.Sprint(label, ": ", err))
	}
	fmt.Printf("%s: EnvelopeShapeError\n", label)
}

func main() {
	code, ok := codes.LookupResultCode("10400")
	if !ok || code != codes.ResultCodeNotFound {
		panic("10400 not found")
	}
	if _, ok := codes.LookupResultCode("99999"); ok {
		panic("99999 found")
	}
	english, _ := code.DescIn("en")
	fmt.Printf("lookup: %d %s %s\n", code.Status(), code.Desc(), english)

	status, body := call("PUT", "/download+1", `{"oid":"3","channel":"online"}`)
	download, err := codes.ReadHeroCode[struct{}](status, body)
	check(err)
	fmt.Printf("download: success %d %s %s\n", status, download.ResultCode, download.ResultDesc)

	status, body = call("POST", "/api/tracker/apps?search_value=Farm", "")
	search, err := codes.ReadResultCode[[]app](status, body)
	check(err)
	var found []string
	for _, app := range *search.Data {
		found = append(found, app.Name+" "+app.User.Username)
	}
	fmt.Printf("search: success %d %s %s %s\n", status, search.ResultCode, search.ResultDesc, strings.Join(found, ", "))

	_, err = codes.ReadResultCode[app](call("GET", "/api/tracker/apps/2", ""))
	failed("business error", err, codes.ResultCodeNotFound, "ResultCode.NotFound")
	_, err = codes.ReadResultCode[any](call("GET", "/no/such/route", ""))
	failed("unknown route", err, codes.ResultCodeNotFound, "ResultCode.NotFound")
	_, err = codes.ReadHeroCode[any](call("PUT", "/download+1", `{"oid":"3",`))
	failed("malformed body", err, codes.HeroCodeMalformedJson, "HeroCode.MalformedJson")
	_, err = codes.ReadResultCode[any](400, []byte(`{"result":false,"result_code":"10999","result_desc":"新错误"}`))
	unknown("unknown code", err)
	_, err = codes.ReadResultCode[any](200, []byte(`{"result":"yes","result_code":"0","result_desc":"成功"}`))
	notAnEnvelope("not an envelope", err)

	_, err = wechat.ReadWeChatCode[any](200, []byte(`{"errcode":40013,"errmsg":"invalid appid"}`))
	failed("wechat error", err, wechat.WeChatCodeInvalidAppId, "WeChatCode.InvalidAppId")
	openid, err := wechat.ReadWeChatCode[struct {
		Openid string `json:"openid"`
	}](200, []byte(`{"errcode":0,"errmsg":"ok","data":{"openid":"o6_bmjrPTlm6"}}`))
	check(err)
	fmt.Printf("wechat success: success 200 %d %s %s\n", openid.Errcode, openid.Errmsg, openid.Data.Openid)
	_, err = wechat.ReadWeChatCode[any](200, []byte(`{"errcode":99999,"errmsg":"new error"}`))
	unknown("wechat unknown", err)
	_, err = wechat.ReadWeChatCode[any](200, []byte(`{"errcode":"40013","errmsg":"invalid appid"}`))
	notAnEnvelope("wechat not an envelope", err)

	// Whether to send the request again, by the catalog's `retryable`.
	retryable := func(body string) bool {
		_, err := wechat.ReadWeChatCode[any](200, []byte(body))
		var wechatError *wechat.WeChatCodeError
		if !errors.As(err, &wechatError) {
			panic(body)
		}
		return wechatError.Retryable()
	}
	busy := retryable(`{"errcode":-1,"errmsg":"system busy"}`)
	appid := retryable(`{"errcode":40013,"errmsg":"invalid appid"}`)
	unknown := retryable(`{"errcode":99999,"errmsg":"new error"}`)
	fmt.Printf("retryable: -1 %t 40013 %t 99999 %t\n", busy, appid, unknown)
}
