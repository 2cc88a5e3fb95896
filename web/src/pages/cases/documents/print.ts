/**
 * Font stacks that exist where the console is used: Windows (仿宋 / 宋体 / 黑体 ship with it), Kylin and
 * UOS (Noto CJK ships with both; WPS adds the Windows names), macOS (STFangsong / Songti), then any
 * Debian-like desktop (Noto CJK, AR PL UMing, WenQuanYi). The first the system has is used.
 */
export const documentFonts = {
  body: `"FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC",
    "Source Han Serif SC", "Noto Serif SC", "AR PL UMing CN", "SimSun", "宋体", "Songti SC", "WenQuanYi Zen Hei", serif`,
  title: `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC",
    "Source Han Serif SC", "Noto Serif SC", "AR PL UMing CN", "WenQuanYi Zen Hei", serif`,
};

/**
 * A4 print rules for the official documents (文书): 仿宋 body in 四号 (14 pt), 小标宋 / 宋体 title in 二号
 * (20 pt), sized so a typical case fits one page with its signatures and seal; long facts flow on to a
 * second page and the signature block moves with the seal, never split. Only the sheet prints.
 */
export const documentCss = `
.wq-doc-page { background: #f0f0f0; min-height: 100vh; padding: 24px; }
.wq-doc {
  box-sizing: border-box; width: 210mm; max-width: 100%; min-height: 297mm; margin: 0 auto;
  padding: 18mm 16mm 16mm; background: #fff; color: #000; box-shadow: 0 1px 6px rgba(0,0,0,.15);
  font-family: ${documentFonts.body};
  font-size: 14pt; line-height: 1.6;
}
.wq-doc h1 {
  font-family: ${documentFonts.title};
  font-size: 20pt; font-weight: bold; text-align: center; letter-spacing: 0.15em; margin: 0 0 1mm; line-height: 1.35;
}
.wq-doc .issuer { text-align: center; font-size: 14pt; margin: 0 0 1mm; }
.wq-doc .doc-no { text-align: right; font-size: 11pt; margin: 0 0 4mm; }
.wq-doc p { margin: 0; text-indent: 2em; text-align: justify; }
.wq-doc p.flush { text-indent: 0; }
.wq-doc .pre { white-space: pre-wrap; }
.wq-doc table { width: 100%; border-collapse: collapse; font-size: 11pt; line-height: 1.5; table-layout: fixed; }
.wq-doc th, .wq-doc td { border: 1px solid #000; padding: 1.5mm 2.5mm; vertical-align: top; text-align: left;
  word-break: break-all; }
.wq-doc th { font-weight: normal; width: 26mm; text-align: center; vertical-align: middle; }
.wq-doc tr { break-inside: avoid; }
.wq-doc td.tall { height: 28mm; }
.wq-doc .box { margin-right: 4mm; white-space: nowrap; }
.wq-doc .sign-block { break-inside: avoid; page-break-inside: avoid; }
.wq-doc .seal { margin-top: 8mm; text-align: right; break-inside: avoid; page-break-inside: avoid; }
.wq-doc .seal div { display: inline-block; text-align: center; min-width: 60mm; }
.wq-doc .signs { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm 10mm; margin-top: 8mm; font-size: 12pt; }
.wq-doc .signs div { white-space: nowrap; }
.wq-doc .line { display: inline-block; min-width: 34mm; border-bottom: 1px solid #000; height: 1.2em;
  vertical-align: bottom; }
.wq-doc .note { font-size: 10.5pt; margin-top: 5mm; text-indent: 0; }
@media print {
  @page { size: A4 portrait; margin: 16mm 15mm 15mm; }
  html, body, #root { background: #fff !important; }
  .no-print { display: none !important; }
  .wq-doc-page { padding: 0; background: #fff; min-height: 0; }
  .wq-doc { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .wq-doc + .wq-doc { break-before: page; page-break-before: always; }
}
`;
