"""What the tests share: servers (the fault server), crawl and command runners,
the crash writer, parsers that tests swap in, the crawl-stats collection and
the offsite check the session ends with."""
