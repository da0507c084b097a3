"""The Textual shell: the App, its global actions, palette commands, messages, theme and the
store it opens in the background."""
