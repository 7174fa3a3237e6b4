"""The page's look: a theme on system fonts (nothing from a CDN), its CSS and a little JS."""

from __future__ import annotations

import gradio as gr

# System fonts only: the page must render offline, and Devanagari needs a font that has it.
SANS = [
    "system-ui",
    "-apple-system",
    "Segoe UI",
    "Roboto",
    "Noto Sans",
    "Noto Sans Devanagari",
    "Lohit Devanagari",
    "Helvetica Neue",
    "Arial",
    "sans-serif",
]
MONO = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "DejaVu Sans Mono", "monospace"]


def build_theme() -> gr.themes.Base:
    """Return the newsbot theme: indigo accents, slate neutrals, system fonts."""
    return gr.themes.Soft(
        primary_hue=gr.themes.colors.indigo,
        secondary_hue=gr.themes.colors.sky,
        neutral_hue=gr.themes.colors.slate,
        font=SANS,
        font_mono=MONO,
        radius_size=gr.themes.sizes.radius_md,
    ).set(
        body_background_fill="#f5f6fa",
        block_border_width="1px",
        block_shadow="none",
    )


CSS = """
.gradio-container { max-width: 1240px !important; margin: 0 auto !important; }
footer { opacity: .6; }
#nb-header { padding: 6px 2px 2px; }
.nb-brand { display: flex; gap: 12px; align-items: center; }
.nb-logo { width: 38px; height: 38px; border-radius: 10px; background: #4f46e5; color: #fff;
  font-weight: 800; font-size: 1.4rem; display: inline-flex; align-items: center;
  justify-content: center; font-family: Georgia, serif; }
#nb-header h1 { font-size: 1.35rem; margin: 0; letter-spacing: -.01em; line-height: 1.2; }
#nb-header p { margin: 0; color: #64748b; font-size: .9rem; }
#nb-chat { background: #fff; }
#nb-chat .message-row .message, #nb-chat .bot { max-width: 100% !important; }
.nb-q { white-space: pre-wrap; word-break: break-word; }
.nb-answer { font-size: 1rem; line-height: 1.6; }
.nb-streaming::after { content: "▍"; color: #6366f1; animation: nb-blink 1s steps(2) infinite; }
@keyframes nb-blink { 50% { opacity: 0; } }
a.nb-cite { display: inline-block; text-decoration: none !important; font-size: .72em;
  font-weight: 700; line-height: 1; padding: 3px 5px; margin: 0 1px; border-radius: 6px;
  vertical-align: super; background: #e0e7ff; color: #3730a3 !important; cursor: pointer; }
a.nb-cite:hover { background: #6366f1; color: #fff !important; }
.nb-resolved { font-size: .8rem; color: #64748b; margin-bottom: 6px; font-style: italic; }
.nb-confidence { font-size: .75rem; color: #64748b; margin-top: 4px; }
.nb-notice { font-size: .8rem; color: #92400e; background: #fffbeb; border-radius: 6px;
  padding: 4px 8px; margin-top: 8px; }
.nb-abstain { display: inline-block; font-size: .75rem; font-weight: 700; color: #9a3412;
  background: #ffedd5; border-radius: 999px; padding: 2px 10px; margin-bottom: 6px; }
.nb-error { color: #991b1b; background: #fef2f2; border: 1px solid #fecaca; border-radius: 8px;
  padding: 8px 12px; }
.nb-ok { color: #166534; background: #f0fdf4; border: 1px solid #bbf7d0; border-radius: 8px;
  padding: 8px 12px; }
.nb-sources { margin-top: 14px; display: grid; gap: 10px; }
.nb-sources-label { font-size: .72rem; font-weight: 700; letter-spacing: .08em;
  text-transform: uppercase; color: #64748b; }
.nb-hint { text-transform: none; letter-spacing: 0; font-weight: 400; }
.nb-card { border: 1px solid #e2e8f0; border-radius: 10px; padding: 10px 12px; background: #f8fafc;
  transition: box-shadow .3s, border-color .3s; scroll-margin: 80px; }
.nb-card.nb-flash { border-color: #6366f1; box-shadow: 0 0 0 3px #c7d2fe; }
.nb-closest-card { background: #fff; border-style: dashed; }
.nb-card-head { display: flex; gap: 8px; align-items: baseline; }
.nb-badge { flex: none; min-width: 22px; height: 22px; border-radius: 11px; background: #4f46e5;
  color: #fff; font-size: .75rem; font-weight: 700; display: inline-flex; align-items: center;
  justify-content: center; }
.nb-closest-card .nb-badge { background: #94a3b8; }
.nb-title { font-weight: 650; font-size: .95rem; line-height: 1.35; }
.nb-meta { font-size: .78rem; color: #64748b; margin: 3px 0 6px 30px; }
.nb-dot { margin: 0 6px; }
.nb-lang { background: #f1f5f9; border-radius: 4px; padding: 0 5px; }
a.nb-url { color: #4338ca; text-decoration: none; }
a.nb-url:hover { text-decoration: underline; }
.nb-passage { font-size: .86rem; line-height: 1.55; color: #334155; margin-left: 30px; }
.nb-passage mark { background: #fef08a; color: #1e293b; padding: 1px 2px; border-radius: 3px; }
.nb-stats { display: grid; gap: 4px; font-size: .88rem; }
.nb-stat { display: flex; justify-content: space-between; gap: 12px;
  border-bottom: 1px dashed #e2e8f0; padding: 3px 0; }
.nb-stat-k { color: #64748b; }
.nb-stat-v { font-weight: 600; text-align: right; word-break: break-word; }
.nb-panel, .nb-panel > div, .nb-panel .block { background: #fff !important; }
#nb-upload { border: none !important; }
#nb-upload > button { border: 1.5px dashed #a5b4fc !important; border-radius: 10px;
  background: #f8faff; }
.nb-panel-title { font-size: .72rem; font-weight: 700; letter-spacing: .08em;
  text-transform: uppercase; color: #475569; }
.nb-panel-hint { font-size: .8rem; color: #64748b; margin-top: 2px; line-height: 1.45; }
.nb-tips { padding: 0 4px; }
"""

# [n] markers jump to their card inside the chat (links in chat messages would otherwise open a
# new tab) and flash it, so the eye finds the cited passage.
HEAD = """
<script>
document.addEventListener("click", function (ev) {
  var link = ev.target.closest && ev.target.closest("a.nb-cite");
  if (!link) return;
  ev.preventDefault();
  ev.stopPropagation();
  var card = document.getElementById((link.getAttribute("href") || "").slice(1));
  if (!card) return;
  card.scrollIntoView({behavior: "smooth", block: "center"});
  card.classList.add("nb-flash");
  setTimeout(function () { card.classList.remove("nb-flash"); }, 1600);
}, true);
</script>
"""
