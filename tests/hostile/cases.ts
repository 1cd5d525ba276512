// What each file in tests/fixtures/hostile/ holds, written out by hand: the tests compare the
// build's output with this, never with what the parser happens to return.
import { fileURLToPath } from 'node:url';
import type { Severity } from '../../src/model.ts';

export const HOSTILE_FEEDS = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

export interface ExpectedEntry {
  line: number;
  text: string;
  source?: string;
  truncated?: boolean;
}

export type ExpectedDiagnostic = [line: number | null, severity: Severity, rule: string];

export interface FixtureCase {
  file: string;
  entries: ExpectedEntry[];
  diagnostics: ExpectedDiagnostic[];
}

const refused = (line: number): ExpectedDiagnostic => [line, 'warning', 'render:tex-refused'];

export const FIXTURE_CASES: FixtureCase[] = [
  { file: '00_empty.txt', entries: [], diagnostics: [[null, 'warning', 'ingest:empty']] },
  { file: '01_binary-junk.txt', entries: [], diagnostics: [[null, 'error', 'ingest:binary']] },
  {
    file: '02_gb18030.txt',
    entries: [
      { line: 4, text: '国标编码的摘录:视觉 Transformer 把图像切成小块再做注意力。' },
      { line: 5, text: '国标编码的罕用字 𠀀 与表情 😀 也能原样解码', source: 'https://example.org/gb', truncated: true },
    ],
    diagnostics: [[null, 'info', 'ingest:encoding']],
  },
  {
    file: '03_no-header.txt',
    entries: [
      { line: 1, text: '没有文件头的第一条摘录:策略梯度直接优化期望回报。' },
      { line: 3, text: '没有文件头的第二条摘录:价值函数估计未来回报。' },
    ],
    diagnostics: [[1, 'warning', 'ingest:header']],
  },
  { file: '04_header-only.txt', entries: [], diagnostics: [[null, 'warning', 'ingest:no-entries']] },
  {
    file: '05_lone-cr.txt',
    entries: [
      { line: 4, text: '只用回车分行的第一条:扩散模型逐步去噪。' },
      { line: 5, text: '只用回车分行的第二条:去噪网络预测噪声。' },
    ],
    diagnostics: [],
  },
  {
    file: '06_nul-in-line.txt',
    // The escape character goes; the `[31m` it would have begun stays, as text.
    entries: [
      { line: 4, text: '行内有空字符的摘录:注意力机制。' },
      { line: 5, text: '行内有响铃与转义[31m字符的摘录。' },
    ],
    diagnostics: [[4, 'warning', 'ingest:control'], [5, 'warning', 'ingest:control']],
  },
  {
    file: '07_hostile-html.txt',
    entries: [
      { line: 4, text: '<script>window.__pwned=1;alert(1)</script> 脚本标签原样显示' },
      { line: 5, text: '<img src=x onerror="window.__pwned=1;alert(1)"> 图片事件原样显示' },
      { line: 6, text: '<svg onload="window.__pwned=1;alert(1)"> 矢量图事件原样显示' },
      { line: 7, text: '</textarea><script>window.__pwned=1</script></title><script>alert(1)</script> 闭合标签原样显示' },
      { line: 8, text: '🔖 javascript:window.__pwned=1 书签里的脚本链接不是来源' },
      { line: 9, text: '[点我](javascript:window.__pwned=1) 与 [x](javascript:alert(1)) Markdown 链接原样显示' },
      // The URL parser percent-encodes the quotes, so the source cannot leave its attribute.
      { line: 10, text: '引号逃不出来源链接的属性', source: 'https://example.org/a%22onmouseover=%22window.__pwned=1' },
      { line: 11, text: '<a href="javascript:window.__pwned=1">链接</a> 与 <iframe src="javascript:alert(1)"></iframe> 与 <body onload=alert(1)> 原样显示' },
      { line: 12, text: '<style>body{display:none}</style> 与 <meta http-equiv="refresh" content="0;url=javascript:alert(1)"> 与 <base href="javascript:alert(1)//"> 原样显示' },
      { line: 13, text: '实体 &lt;script&gt; 与 &#60;img src=x onerror=alert(1)&#62; 与 &amp;lt; 原样显示,不被解码' },
    ],
    diagnostics: [],
  },
  {
    file: '08_hostile-template.txt',
    entries: [
      { line: 4, text: '{{ 7*7 }} 模板表达式不求值,{{ site.digest }} 与 {{ constructor.constructor("window.__pwned=1")() }} 也不求值' },
      { line: 5, text: "{% raw %}原样{% endraw %} 与 {%- include 'x' -%} 与 {% set y = 7*7 %}{{ y }} 模板标签原样显示" },
      { line: 6, text: '${process.exit()} 与 ${7*7} 与 `${alert(1)}` 模板字符串不求值' },
      { line: 7, text: '{{#each x}}Handlebars{{/each}} 与 <%= 7*7 %> 与 #{7*7} 与 {$smarty.version} 与 ---' },
      // Front matter split over lines: each is an excerpt, none is read as a template's header.
      { line: 8, text: 'permalink: /x/' },
      { line: 9, text: '---' },
    ],
    diagnostics: [],
  },
  {
    file: '09_hostile-tex.txt',
    entries: [
      { line: 4, text: '链接 \\(\\href{javascript:window.__pwned=1}{点我}\\) 不成为链接' },
      { line: 5, text: '网址 \\(\\url{javascript:alert(1)}\\) 不成为链接' },
      { line: 6, text: '样式 \\(\\htmlStyle{color:red}{x}\\) 不带样式' },
      { line: 7, text: '宏炸弹 \\(\\def\\a{\\a\\a}\\a\\) 不展开' },
      { line: 8, text: '陈列宏炸弹:\\[\\newcommand{\\b}{\\b\\b}\\b\\] 不展开' },
      { line: 9, text: '裸写的 \\href{javascript:alert(1)}{x} 与 \\url{javascript:alert(1)} 也只是文字' },
      { line: 10, text: '正常公式照常排版:注意力 \\(\\mathrm{softmax}(QK^T/\\sqrt{d_k})V\\) 与占位 [Math] 与 x_i' },
    ],
    diagnostics: [refused(4), refused(5), refused(6), refused(7), refused(8)],
  },
  {
    file: '10_中文文件名.txt',
    entries: [{ line: 4, text: '中文文件名里的摘录:视觉 Transformer 把图像切成块。' }],
    diagnostics: [],
  },
  {
    file: '11_markers-and-pagination.txt',
    entries: [{ line: 6, text: '标记之后的正文保留', source: 'https://example.org/ok', truncated: true }],
    diagnostics: [[4, 'warning', 'ingest:empty-entry'], [5, 'info', 'ingest:pagination']],
  },
  {
    file: '12_nul-dense.txt',
    // 6% of this short file is NUL, yet it is UTF-8 text, not binary junk: the line is kept.
    entries: [{ line: 4, text: '空字符密集的行。' }],
    diagnostics: [[4, 'warning', 'ingest:control']],
  },
];

/** The one article whose math is meant to be typeset; every other fixture article shows as plain text. */
export const TYPESET_TEXT = FIXTURE_CASES.find((fixture) => fixture.file === '09_hostile-tex.txt')!.entries.at(-1)!.text;

/** Payloads that would set `window.__pwned` or open a dialog if any of them ever ran. */
export const HOSTILE_QUERIES = [
  '<script>window.__pwned=1;alert(1)</script>',
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<svg onload="window.__pwned=1;alert(1)">',
  '</textarea><script>window.__pwned=1</script>',
  '"><img src=x onerror=window.__pwned=1>',
  "'><svg onload=window.__pwned=1>",
  '[x](javascript:window.__pwned=1)',
  '{{ 7*7 }}',
  '{% raw %}',
  '${process.exit()}',
  '\\href{javascript:alert(1)}{x}',
];
