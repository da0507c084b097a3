"""The customer QBR pack as files: Markdown (canonical), HTML, and PDF and PPTX with `cs-tui[reports]`."""
