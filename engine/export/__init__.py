"""Writers that turn job results into files people open elsewhere (CSV, JSON, subtitles)."""
