"""A second stand-in of the aggregator fx361.com, built apart from the
project's own sample site, from the public evidence only: content.py (what it
serves and the records it should give), pages.py (the HTML), server.py (the
two hosts on loopback)."""
