"""The Word bridge: SOP-AP Word files read into SOP YAML (`impor`), and SOPs written as DOCX."""
