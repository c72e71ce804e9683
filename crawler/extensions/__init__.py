"""Extensions: the progress line, run records, quality alarms, the stats dump."""
