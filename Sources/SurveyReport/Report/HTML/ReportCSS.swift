/// The report's one inline stylesheet: readable from phone width (tables scroll sideways
/// inside their frame, the two-column first screen stacks) to desktop, and a print sheet for
/// A4 (each later section starts a page, rows, cards and charts are not cut, table headers
/// repeat, nothing scrolls).
enum ReportCSS {
    static let sheet = """
    :root{--ink:#1d2433;--muted:#5b6475;--line:#d9dee7;--accent:#1f5fa8;--accent2:#0b3d75;--bar:#7aa6d8;--warn:#b3471d;--good:#1c7c46;--soft:#f3f6fa}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);background:#fff}
    main{max-width:1080px;margin:0 auto;padding:24px 20px 48px}
    header.top h1{font-size:1.6rem;line-height:1.25;margin:0 0 4px}
    .meta{color:var(--muted);font-size:.9rem;margin:0}
    .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(250px,1fr));gap:12px;margin:16px 0}
    .card{border:1px solid var(--line);border-radius:8px;padding:12px 16px;background:var(--soft)}
    .card .k{font-size:.85rem;color:var(--muted);margin:0}
    .card .big{font-size:2.4rem;font-weight:700;line-height:1.15;margin:2px 0}
    .card .sub{font-size:.9rem;color:var(--muted);margin:0}
    .findings{margin:8px 0 16px;padding-left:1.2em}
    .findings li{margin:4px 0}
    .split{display:grid;grid-template-columns:3fr 2fr;gap:24px;align-items:start}
    .weak ol{padding-left:1.3em;margin:6px 0}
    .weak li{margin:6px 0}
    .weak .v{font-weight:700;white-space:nowrap}
    figure{margin:8px 0 16px}
    figcaption{font-size:.85rem;color:var(--muted)}
    svg.chart{width:100%;height:auto;display:block;font-family:inherit}
    svg .lbl,svg .val{font-size:15px;fill:var(--ink)}
    svg.bars{max-width:560px} svg.scatter{max-width:640px;margin:0 auto}
    svg .b{fill:var(--bar)} svg .b.part{fill:var(--accent2)}
    svg .wh{stroke:var(--ink);stroke-width:1.5;fill:none}
    svg .grid{stroke:#e3e7ee} svg .tick{font-size:12px;fill:var(--muted)}
    svg .frame{fill:none;stroke:var(--line)} svg .median{stroke:#8a93a3;stroke-dasharray:4 4;fill:none}
    svg .pt circle{fill:var(--accent)} svg .pt.act circle{fill:var(--warn)} svg .pt text{font-size:12px;fill:var(--ink)}
    svg .quad{font-size:12px;fill:var(--muted)} svg .quad.act{fill:var(--warn)} svg .axis{font-size:13px;fill:var(--ink)}
    .table-wrap{overflow-x:auto;margin:8px 0 16px;-webkit-overflow-scrolling:touch}
    table{border-collapse:collapse;width:100%;font-size:.92rem}
    th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
    th{background:var(--soft);font-weight:600}
    .num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
    td.sup{color:var(--muted);font-style:italic}
    tr.aspect td{font-weight:700;background:#f8fafc}
    .v-improved{color:var(--good);font-weight:600} .v-declined{color:var(--warn);font-weight:600} td.act{color:var(--warn);font-weight:600}
    .flags{white-space:nowrap;color:var(--muted)}
    td.v-improved,td.v-declined,td.v-no-significant-change{white-space:nowrap}
    td:first-child:not(.num){min-width:9em}
    .sha{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;word-break:break-all}
    h2{font-size:1.3rem;margin:32px 0 8px;border-bottom:2px solid var(--accent);padding-bottom:4px}
    h3{font-size:1.05rem;margin:18px 0 6px}
    .note{color:var(--muted);font-size:.88rem}
    .comments li{margin:6px 0}
    footer{color:var(--muted);font-size:.85rem;margin-top:32px}
    @media (max-width:760px){main{padding:16px 12px 32px}.split{grid-template-columns:1fr}.card .big{font-size:2rem}header.top h1{font-size:1.35rem}}
    @page{size:A4;margin:14mm 12mm}
    @media print{
    body{font-size:10pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
    main{max-width:none;padding:0}
    section.page{break-before:page}
    .table-wrap{overflow:visible}
    table{font-size:8.5pt}
    th,td{padding:3px 5px}
    td.v-improved,td.v-declined,td.v-no-significant-change{white-space:normal}
    tr,.card,figure,svg,.weak li,.findings li{break-inside:avoid}
    thead{display:table-header-group}
    h2,h3{break-after:avoid}
    .split{grid-template-columns:3fr 2fr}
    .card{padding:8px 12px}
    .card .big{font-size:1.8rem}
    .cards{margin:10px 0}
    svg.bars{max-width:92mm}
    svg.scatter{max-width:150mm}
    .findings{font-size:9pt}
    h2{margin:18px 0 6px}
    }
    """
}
