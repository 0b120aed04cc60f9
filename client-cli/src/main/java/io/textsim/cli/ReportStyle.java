package io.textsim.cli;

import java.util.List;

/**
 * The colours and the style sheet of the HTML reports. Every colour the style sheet uses is a
 * constant here, and every pairing of a colour with the one behind it is listed in {@link
 * #CONTRAST} with the ratio WCAG 2 asks of it (AA: 4.5 for text, 3 for the parts of a graphic such
 * as a score bar), so a test can hold the page to them. Colour is never the only cue: own passages
 * also have a solid left border, furniture a dashed one and italics, and every passage says what it
 * is in its title.
 */
final class ReportStyle {
  static final String PAGE = "#ffffff";
  static final String TEXT = "#1b1b1b";
  static final String MUTED = "#555555";
  static final String PANEL = "#f0f2f5";
  static final String RULE = "#6b6b6b";
  static final String LINK = "#1f4f99";
  static final String OWN_A = "#ffe2b8";
  static final String OWN_A_EDGE = "#9a4a00";
  static final String OWN_B = "#d6e6ff";
  static final String OWN_B_EDGE = "#1f4f99";
  static final String FURNITURE = "#e8e8e8";
  static final String FURNITURE_TEXT = "#3d3d3d";
  static final String BAR = "#2f5fa8";
  static final String BAR_TRACK = "#e3e7ee";
  static final String NEAR_DUPLICATE = "#1e6b34";
  static final String RELATED = "#ffd666";
  static final String DIFFERENT = "#a32020";
  static final String ON_DARK = "#ffffff";

  /** WCAG 2.1 AA: normal text (1.4.3). */
  static final double TEXT_RATIO = 4.5;

  /** WCAG 2.1 AA: graphical objects and the focus outline (1.4.11). */
  static final double GRAPHIC_RATIO = 3.0;

  /** A colour shown on another, and the contrast ratio it must reach. */
  record Pairing(String use, String foreground, String background, double minimum) {}

  /** Every pairing of colours in the style sheet. */
  static final List<Pairing> CONTRAST =
      List.of(
          new Pairing("body text", TEXT, PAGE, TEXT_RATIO),
          new Pairing("muted text", MUTED, PAGE, TEXT_RATIO),
          new Pairing("table header text", TEXT, PANEL, TEXT_RATIO),
          new Pairing("muted text on a panel", MUTED, PANEL, TEXT_RATIO),
          new Pairing("links and summaries", LINK, PAGE, TEXT_RATIO),
          new Pairing("text only in a", TEXT, OWN_A, TEXT_RATIO),
          new Pairing("edge of a passage only in a", OWN_A_EDGE, PAGE, GRAPHIC_RATIO),
          new Pairing(
              "edge of a passage only in a, on its own colour", OWN_A_EDGE, OWN_A, GRAPHIC_RATIO),
          new Pairing("text only in b", TEXT, OWN_B, TEXT_RATIO),
          new Pairing("edge of a passage only in b", OWN_B_EDGE, PAGE, GRAPHIC_RATIO),
          new Pairing(
              "edge of a passage only in b, on its own colour", OWN_B_EDGE, OWN_B, GRAPHIC_RATIO),
          new Pairing("furniture text", FURNITURE_TEXT, FURNITURE, TEXT_RATIO),
          new Pairing("edge of a furniture passage", RULE, PAGE, GRAPHIC_RATIO),
          new Pairing(
              "edge of a furniture passage, on its own colour", RULE, FURNITURE, GRAPHIC_RATIO),
          new Pairing("score bar on its track", BAR, BAR_TRACK, GRAPHIC_RATIO),
          new Pairing("score bar on the page", BAR, PAGE, GRAPHIC_RATIO),
          new Pairing("near-duplicate verdict", ON_DARK, NEAR_DUPLICATE, TEXT_RATIO),
          new Pairing("related verdict", TEXT, RELATED, TEXT_RATIO),
          new Pairing("different verdict", ON_DARK, DIFFERENT, TEXT_RATIO),
          new Pairing("focus outline", TEXT, PAGE, GRAPHIC_RATIO),
          new Pairing("focus outline on a panel", TEXT, PANEL, GRAPHIC_RATIO),
          new Pairing("focus outline on a passage only in a", TEXT, OWN_A, GRAPHIC_RATIO),
          new Pairing("focus outline on a passage only in b", TEXT, OWN_B, GRAPHIC_RATIO),
          new Pairing("focus outline on furniture", TEXT, FURNITURE, GRAPHIC_RATIO));

  private ReportStyle() {}

  /**
   * The style sheet: one column of text on a phone, two side by side from 760 px on; the page stays
   * within 1,400 px.
   */
  static String css() {
    return String.join(
        "\n",
        "*{box-sizing:border-box}",
        "html{-webkit-text-size-adjust:100%}",
        "body{margin:0 auto;max-width:1400px;padding:1rem;background:"
            + PAGE
            + ";color:"
            + TEXT
            + ";font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',"
            + "'DejaVu Sans',sans-serif}",
        "h1{font-size:1.4rem;margin:.2rem 0 .8rem}",
        "h2{font-size:1.15rem;margin:1.6rem 0 .6rem}",
        "a{color:" + LINK + "}",
        ":focus-visible{outline:3px solid " + TEXT + ";outline-offset:2px}",
        ".muted{color:" + MUTED + "}",
        ".verdict{display:inline-block;padding:.3rem .8rem;border-radius:.3rem;font-weight:700;"
            + "font-size:1.15rem;margin:0 .6rem .4rem 0}",
        ".verdict-near-duplicate{background:" + NEAR_DUPLICATE + ";color:" + ON_DARK + "}",
        ".verdict-related{background:" + RELATED + ";color:" + TEXT + "}",
        ".verdict-different{background:" + DIFFERENT + ";color:" + ON_DARK + "}",
        ".reason{margin:.2rem 0 1rem}",
        "table{border-collapse:collapse}",
        "caption{text-align:left;padding:.4rem 0 .2rem}",
        "th,td{text-align:left;padding:.25rem .6rem;vertical-align:top}",
        "thead th{background:" + PANEL + "}",
        ".docs{list-style:none;padding:0;margin:0 0 .8rem}",
        ".docs li{margin:.3rem 0;overflow-wrap:anywhere}",
        ".note{font-weight:400;font-size:.85rem}",
        ".scores{width:100%;max-width:48rem}",
        ".num{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}",
        ".barcell{width:40%;min-width:6rem}",
        ".bar{height:.8rem;background:" + BAR_TRACK + ";border-radius:.2rem;overflow:hidden}",
        ".bar>span{display:block;height:100%;background:" + BAR + "}",
        ".legend span{display:inline-block;margin:0 .8rem .4rem 0;padding:0 .4rem}",
        ".texts{display:grid;grid-template-columns:1fr;gap:0}",
        ".cell{padding:.4rem .6rem;border-top:1px solid " + BAR_TRACK + ";min-width:0}",
        ".cell.empty{display:none}",
        ".head{font-weight:700;background:" + PANEL + ";overflow-wrap:anywhere}",
        ".side{font-size:.8rem;font-weight:700;color:" + MUTED + ";margin-right:.4rem}",
        ".text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;font:inherit}",
        ".own-a,.own-b,.furniture{border-left:4px solid;padding:0 .2rem}",
        ".own-a{background:" + OWN_A + ";border-color:" + OWN_A_EDGE + "}",
        ".own-b{background:" + OWN_B + ";border-color:" + OWN_B_EDGE + "}",
        ".furniture{background:"
            + FURNITURE
            + ";color:"
            + FURNITURE_TEXT
            + ";border-left-style:dashed;border-color:"
            + RULE
            + ";font-style:italic}",
        "details{margin:.4rem 0}",
        "summary{cursor:pointer;color:" + LINK + "}",
        ".passages td{overflow-wrap:anywhere}",
        ".cluster{border-top:2px solid " + BAR_TRACK + ";margin-top:1.2rem}",
        ".members{width:100%}",
        ".members td.member-id{overflow-wrap:anywhere}",
        ".members tr.difference td{padding-top:0}",
        ".members .barcell{width:30%}",
        ".diff{padding:.4rem .6rem;border-left:4px solid " + BAR_TRACK + "}",
        "@media (min-width:760px){",
        "  .texts{grid-template-columns:1fr 1fr}",
        "  .texts .cell{border-right:1px solid " + BAR_TRACK + "}",
        "  .cell.empty{display:block}",
        "  .side{display:none}",
        "}",
        "@media print{.cell.empty{display:block}}");
  }
}
