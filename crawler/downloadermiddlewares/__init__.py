"""Downloader middlewares: host checks, retries, anti-bot pages, final failures, request counts."""
