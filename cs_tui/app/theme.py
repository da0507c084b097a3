"""cs-tui's own theme (registered next to Textual's built-in ones)."""

from textual.theme import Theme

CS_TUI_THEME = Theme(
    name="cs-tui",
    primary="#4EA1D3",
    secondary="#7E9CD8",
    accent="#E6A23C",
    warning="#E6C23C",
    error="#E5534B",
    success="#57AB5A",
    foreground="#D8DEE9",
    background="#161B22",
    surface="#1C2230",
    panel="#243044",
    dark=True,
    variables={
        "footer-key-foreground": "#E6A23C",
        "block-cursor-text-style": "bold",
    },
)
