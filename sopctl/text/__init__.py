"""Every phrase a user reads, in Bahasa Indonesia and English: finding codes, CLI phrases, help."""
