declare module '@11ty/eleventy-plugin-rss' {
  export function dateToRfc3339(date: Date): string;
}
