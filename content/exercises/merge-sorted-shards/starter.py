def merge_shards(shards: list[list[list]]) -> list[list]:
    """Merge time-sorted shards into one list of [timestamp, event_id]; ties by shard, then position."""
    raise NotImplementedError
