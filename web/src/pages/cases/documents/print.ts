/**
 * A4 print rules for the official documents (文书): 仿宋 body in 三号 (16 pt), 小标宋 / 宋体 titles in 二号
 * (22 pt), with the fallbacks each system has; only the sheet prints (the toolbar is hidden). The page sits
 * outside the console layout, so there is no menu or header to hide.
 */
export const documentCss = `
.wq-doc-page { background: #f0f0f0; min-height: 100vh; padding: 24px; }
.wq-doc {
  box-sizing: border-box; width: 210mm; max-width: 100%; min-height: 297mm; margin: 0 auto;
  padding: 25mm 22mm 22mm; background: #fff; color: #000; box-shadow: 0 1px 6px rgba(0,0,0,.15);
  font-family: "FangSong", "FangSong_GB2312", "仿宋", "仿宋_GB2312", "STFangsong", "SimSun", "宋体", "Songti SC",
    "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 16pt; line-height: 1.8;
}
.wq-doc h1 {
  font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC",
    "Source Han Serif SC", serif;
  font-size: 22pt; font-weight: bold; text-align: center; letter-spacing: 0.15em; margin: 0 0 2mm; line-height: 1.4;
}
.wq-doc .issuer { text-align: center; font-size: 16pt; margin: 0 0 1mm; }
.wq-doc .doc-no { text-align: right; font-size: 12pt; margin: 0 0 6mm; }
.wq-doc p { margin: 0; text-indent: 2em; text-align: justify; }
.wq-doc p.flush { text-indent: 0; }
.wq-doc .pre { white-space: pre-wrap; }
.wq-doc table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.6; table-layout: fixed; }
.wq-doc th, .wq-doc td { border: 1px solid #000; padding: 2mm 3mm; vertical-align: top; text-align: left;
  word-break: break-all; }
.wq-doc th { font-weight: normal; width: 26mm; text-align: center; vertical-align: middle; }
.wq-doc td.tall { height: 40mm; }
.wq-doc .box { margin-right: 5mm; white-space: nowrap; }
.wq-doc .seal { margin-top: 14mm; text-align: right; }
.wq-doc .seal div { display: inline-block; text-align: center; min-width: 60mm; }
.wq-doc .signs { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm 12mm; margin-top: 14mm; font-size: 14pt; }
.wq-doc .signs div { white-space: nowrap; }
.wq-doc .line { display: inline-block; min-width: 38mm; border-bottom: 1px solid #000; height: 1.2em;
  vertical-align: bottom; }
.wq-doc .note { font-size: 11pt; margin-top: 8mm; text-indent: 0; }
@media print {
  @page { size: A4 portrait; margin: 20mm 18mm 18mm; }
  html, body, #root { background: #fff !important; }
  .no-print { display: none !important; }
  .wq-doc-page { padding: 0; background: #fff; min-height: 0; }
  .wq-doc { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
`;
