// The panel's look, inside its shadow root (the app's CSS neither leaks in nor out).
export const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483000; right: 12px; bottom: 12px;
  font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; color: #e9ecef; }
button { font: inherit; color: inherit; background: #343a40; border: 1px solid #495057; border-radius: 5px;
  padding: 2px 8px; cursor: pointer; }
button:hover:not(:disabled) { background: #495057; }
button:disabled { opacity: .5; cursor: default; }
.fab { width: 36px; height: 36px; border-radius: 50%; font-weight: 800; background: #16181d; border-color: #3b5bdb; float: right; }
.panel { width: min(720px, calc(100vw - 24px)); max-height: min(70vh, 640px); overflow: auto; margin-bottom: 8px;
  background: #16181d; border: 1px solid #343a40; border-radius: 10px; padding: 10px 12px; box-shadow: 0 8px 30px #0006; }
header { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; margin-bottom: 6px; }
header b { flex: 1; font-size: 13px; }
h4 { margin: 10px 0 4px; font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: #adb5bd; }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; padding: 2px 6px; border-top: 1px solid #2b3035; white-space: nowrap; }
th { color: #868e96; font-weight: normal; }
.ok { color: #8ce99a; } .warn { color: #ffd43b; } .bad { color: #ff8787; } .dim { color: #868e96; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; }
.chips span { border: 1px solid #343a40; border-radius: 99px; padding: 0 8px; }
.note { color: #868e96; font-style: italic; margin: 2px 0; }
`
