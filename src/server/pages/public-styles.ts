import { SARABUN_VERSION, SARABUN_WEB_FILES } from "../../documents/fonts/sarabun-fonts.ts";

// One small stylesheet, inlined in every public page: no extra request before the first paint
// on a slow phone. Text stays readable in the system font until Sarabun arrives (swap).

const fontFaces = SARABUN_WEB_FILES.map(
  (face) =>
    `@font-face{font-family:Sarabun;font-style:normal;font-weight:${face.weight};font-display:swap;` +
    `src:url(/fonts/${face.file}?v=${SARABUN_VERSION}) format("woff2");unicode-range:${face.unicodeRange}}`,
).join("\n");

// Colours keep at least 4.5:1 against their backgrounds (WCAG AA) for text of any size.
const rules = `
*,::before,::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1rem/1.65 Sarabun,Tahoma,sans-serif;color:#1b1b1b;background:#f5f6f8;overflow-wrap:anywhere}
a{color:#0a4a94}
a:focus-visible,.scroll:focus-visible{outline:3px solid #a34f00;outline-offset:2px}
.skip{position:absolute;left:-999em}
.skip:focus{left:.5rem;top:.5rem;z-index:1;background:#fff;padding:.4rem .6rem}
.site{background:#12355b;color:#fff;padding:.5rem 1rem}
.site a{color:#fff}
.site p{max-width:56rem;margin:0 auto}
.brand{font-weight:700}
main{display:block;max-width:56rem;margin:0 auto;padding:.5rem 1rem 2rem}
h1{font-size:1.5rem;line-height:1.3;margin:.75rem 0 .5rem}
h2{font-size:1.25rem;line-height:1.35;margin:1.75rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid #c9d1dc}
h3{font-size:1.05rem;line-height:1.4;margin:0 0 .25rem}
.crumbs{max-width:56rem;margin:0 auto;padding:.5rem 1rem 0}
.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .5rem}
.crumbs li+li::before{content:"›";margin-right:.5rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .75rem;margin:.5rem 0}
.facts dt{font-weight:700}
.facts dd{margin:0}
@media (max-width:30rem){.facts{grid-template-columns:1fr}.facts dd{margin-bottom:.35rem}}
.big{font-size:1.6rem;font-weight:700}
figure{margin:1rem 0;background:#fff}
.chart{margin:0}
.chart svg{display:block;width:100%;min-width:540px;max-width:720px;height:auto}
figcaption{padding:.25rem .5rem;font-size:.95rem}
.scroll{overflow-x:auto;margin:.75rem 0}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.95rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid #b9c2ce;padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th{background:#e6ebf1}
.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.cards{list-style:none;margin:0;padding:0}
.cards>li{background:#fff;border:1px solid #c9d1dc;border-radius:6px;padding:.6rem .75rem;margin:.6rem 0}
.bar{height:.6rem;background:#dde3ea;border-radius:3px;overflow:hidden;margin:.3rem 0}
.bar span{display:block;height:100%;background:#1c6b38}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;border:1px solid currentColor;font-size:.9rem}
.s-done{background:#e3f3e8;color:#14532d}
.s-in_progress{background:#e5eef9;color:#0a3a75}
.s-planned{background:#efefef;color:#333}
.s-cancelled{background:#fae8e8;color:#7a1c1c}
.empty{background:#fff7df;border-left:4px solid #a34f00;padding:.5rem .75rem}
.muted{color:#464f5b}
.links{padding-left:1.25rem}
.links li{margin:.2rem 0}
.survey h1{font-size:1.35rem}
.q{background:#fff;border:1px solid #c9d1dc;border-radius:6px;padding:.6rem .75rem;margin:.75rem 0}
.q.invalid{border:2px solid #a4161a}
.q h2{font-size:1.05rem;border:0;margin:0 0 .25rem;padding:0}
fieldset{border:0;margin:.5rem 0;padding:0;min-width:0}
legend{font-weight:700;padding:0;margin-bottom:.25rem}
.choices label{display:flex;align-items:center;gap:.6rem;min-height:3rem;padding:.45rem .75rem;margin:.3rem 0;border:1px solid #6b7685;border-radius:6px;background:#fff;cursor:pointer}
.choices input{width:1.4rem;height:1.4rem;margin:0;flex:none;accent-color:#12355b}
.choices label:has(input:checked){background:#e5eef9;border-color:#0a4a94;font-weight:700}
input:focus-visible,button:focus-visible{outline:3px solid #a34f00;outline-offset:2px}
.field{margin:.75rem 0}
.field label{display:block;font-weight:700}
.field input{font:inherit;font-size:1.15rem;width:100%;max-width:20rem;min-height:3rem;padding:.4rem .6rem;border:1px solid #5b6573;border-radius:6px;background:#fff}
.hint{color:#464f5b;margin:.15rem 0}
.button{font:inherit;font-weight:700;min-height:3rem;padding:.5rem 1.25rem;border-radius:6px;border:2px solid #12355b;background:#12355b;color:#fff;cursor:pointer}
.button.secondary{background:#fff;color:#12355b}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
.errors{background:#fdecec;border-left:4px solid #a4161a;padding:.5rem .75rem;margin:.75rem 0}
.errors h2{font-size:1.1rem;border:0;margin:0 0 .25rem;padding:0}
.errors a{color:#7a1015}
.error{color:#a4161a;font-weight:700;margin:.25rem 0}
.done{background:#e3f3e8;border-left:4px solid #1c6b38;padding:.5rem .75rem}
progress{display:block;width:100%;height:.9rem;margin:.25rem 0 .5rem;accent-color:#1c6b38}
`;

export const publicCss = `${fontFaces}\n${rules.trim()}`;
