def group_records(record_ids, matches):
    parent = {record: record for record in record_ids}

    def find(record):
        root = record
        while parent[root] != root:
            root = parent[root]
        while parent[record] != root:  # path compression
            parent[record], record = root, parent[record]
        return root

    for a, b in matches:
        if a not in parent or b not in parent:
            raise ValueError(f"unknown record in ({a!r}, {b!r})")
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[root_b] = root_a
    groups = {}
    for record in record_ids:
        groups.setdefault(find(record), []).append(record)
    return sorted(sorted(members) for members in groups.values())
