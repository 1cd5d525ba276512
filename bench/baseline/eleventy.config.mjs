// The baseline: bare Eleventy 3 with one Markdown page per article, a trivial layout and a home
// list. No dedup, tags, math or search, so the gap to our build is what those features cost.
export default function configure() {
  return {
    templateFormats: ['md', 'njk'],
    // Excerpts hold TeX braces such as `{{`; running Markdown through Liquid first would choke on them.
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
    dir: { includes: '_includes' },
  };
}
