// Drives Debian's Chromium through playwright-core over the site of `hero-codes site`, as a
// reader would: opens index.html from file://, types queries into the search box key by key,
// clicks a code to open its page, follows the link of its deprecation note to the code that
// replaces it, and comes back to the index by the page's own link. Prints, as JSON, per
// query the codes of the rows still visible, the count line and the visible sections, then
// each page visited (its address relative to the site and its heading), and any request
// that was not for a file. Takes a screenshot of the index after the last query and of the
// first code page.
//
// usage: node site.cjs SITE_DIR SCREENSHOT_DIR USER_DATA_DIR CLICK_CODE QUERY...
const path = require("path");
const { launch, searchEach, run } = require("./browser.cjs");

async function main() {
  const [site, screenshots, user_data_dir, click_code, ...queries] = process.argv.slice(2);
  const { context, requests } = await launch(user_data_dir);
  const root = "file://" + path.resolve(site) + "/";
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    const visit = async () => ({
      address: decodeURIComponent(page.url()).replace(decodeURIComponent(root), ""),
      heading: await page.textContent("h1"),
    });
    await page.goto(root + "index.html");
    const results = await searchEach(page, queries);
    const search = page.locator("#search");
    await page.screenshot({ path: path.join(screenshots, "site-index.png"), fullPage: true });

    // From the search results to the code's page, and on to its replacement.
    const visited = [];
    await search.fill("");
    await search.pressSequentially(click_code);
    await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: click_code, exact: true }).first().click()]);
    visited.push(await visit());
    await page.screenshot({ path: path.join(screenshots, "site-code.png"), fullPage: true });
    const replacement = page.locator("p a").first();
    await Promise.all([page.waitForEvent("load"), replacement.click()]);
    visited.push(await visit());
    await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: "All result codes" }).click()]);
    visited.push(await visit());
    console.log(JSON.stringify({ results, visited, requests }));
  } finally {
    await context.close();
  }
}

run(main);
