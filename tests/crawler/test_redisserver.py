"""The test Redis server (tests/support/redisserver.py) is a real one, and
keeps nothing on disk."""

from __future__ import annotations

from pathlib import Path

from support.redisserver import RedisServer


def test_the_test_redis_server_answers_and_persists_nothing(redis_server: RedisServer) -> None:
    client = redis_server.client()
    try:
        client.rpush("test:redisserver:list", "a", "b")
        assert client.lrange("test:redisserver:list", 0, -1) == [b"a", b"b"]
        config = client.config_get("*")
        assert config["save"] == "" and config["appendonly"] == "no"
        assert config["bind"].split() == ["127.0.0.1"]
        assert not any(Path(config["dir"]).iterdir())  # no snapshot, no append-only file
    finally:
        client.delete("test:redisserver:list")
        client.close()
