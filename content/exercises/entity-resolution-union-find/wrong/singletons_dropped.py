def group_records(record_ids, matches):
    parent = {record: record for record in record_ids}

    def find(record):
        while parent[record] != record:
            parent[record] = parent[parent[record]]
            record = parent[record]
        return record

    for a, b in matches:
        if a not in parent or b not in parent:
            raise ValueError("unknown record")
        parent[find(b)] = find(a)
    groups = {}
    # Only records seen in a match get a group: unmatched records disappear.
    for a, b in matches:
        for record in (a, b):
            groups.setdefault(find(record), set()).add(record)
    return sorted(sorted(members) for members in groups.values())
