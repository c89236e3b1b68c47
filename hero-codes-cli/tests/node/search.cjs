// Drives Debian's Chromium through playwright-core over the page of `hero-codes table
// --format html`: types queries into the search box as a user would, key by key, and prints
// as JSON, per query, the codes of the rows still visible and the count line. Takes a
// screenshot after the last query.
//
// usage: node search.cjs PAGE.html SCREENSHOT.png USER_DATA_DIR QUERY...
const { launch, searchEach, run } = require("./browser.cjs");

async function main() {
  const [page_path, screenshot, user_data_dir, ...queries] = process.argv.slice(2);
  const { context, requests } = await launch(user_data_dir);
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto("file://" + page_path);
    const results = await searchEach(page, queries);
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(JSON.stringify({ results, requests }));
  } finally {
    await context.close();
  }
}

run(main);
