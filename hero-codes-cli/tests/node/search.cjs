// Drives Debian's Chromium through playwright-core over the page of `hero-codes table
// --format html`: types queries into the search box as a user would, key by key, and prints
// as JSON, per query, the codes of the rows still visible and the count line. Takes a
// screenshot after the last query.
//
// usage: node search.cjs PAGE.html SCREENSHOT.png USER_DATA_DIR QUERY...
const { chromium } = require("playwright-core");

async function main() {
  const [page_path, screenshot, user_data_dir, ...queries] = process.argv.slice(2);
  const context = await chromium.launchPersistentContext(user_data_dir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    offline: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const requests = [];
  context.on("request", (request) => {
    if (!request.url().startsWith("file:")) requests.push(request.url());
  });
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto("file://" + page_path);
    const results = {};
    const search = page.locator("#search");
    for (const query of queries) {
      await search.fill("");
      await search.pressSequentially(query);
      results[query] = {
        codes: await page.$$eval("tbody tr", (rows) =>
          rows.filter((row) => row.getClientRects().length > 0).map((row) => row.cells[0].textContent)),
        count: await page.textContent("#count"),
        sections: await page.$$eval("section", (sections) =>
          sections.filter((section) => section.getClientRects().length > 0).map((section) => section.id)),
      };
    }
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(JSON.stringify({ results, requests }));
  } finally {
    await context.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
