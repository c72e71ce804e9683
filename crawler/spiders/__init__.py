"""Spiders navigate; site modules in `crawler.sites` read the pages."""
