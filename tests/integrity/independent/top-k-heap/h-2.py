def _ranks_below(first_item, second_item):
    """True when first_item should be ranked below (is worse than) second_item.

    Each item is a pair (item_id, score). Higher score is better; on equal
    scores, the smaller item_id in string order is better.
    """
    first_id, first_score = first_item
    second_id, second_score = second_item
    if first_score != second_score:
        return first_score < second_score
    return first_id > second_id


def _sift_up(heap, position):
    # Move the element at `position` up while it is worse than its parent,
    # so that the worst element always ends up at the root (index 0).
    while position > 0:
        parent_position = (position - 1) // 2
        if _ranks_below(heap[position], heap[parent_position]):
            heap[position], heap[parent_position] = heap[parent_position], heap[position]
            position = parent_position
        else:
            break


def _sift_down(heap, position):
    # Move the element at `position` down, swapping with its worse child,
    # until neither child is worse than it.
    heap_size = len(heap)
    while True:
        left_child = 2 * position + 1
        right_child = 2 * position + 2
        worst_position = position
        if left_child < heap_size and _ranks_below(heap[left_child], heap[worst_position]):
            worst_position = left_child
        if right_child < heap_size and _ranks_below(heap[right_child], heap[worst_position]):
            worst_position = right_child
        if worst_position == position:
            break
        heap[position], heap[worst_position] = heap[worst_position], heap[position]
        position = worst_position


def top_k(scored: list[tuple[str, float]], k: int) -> list[str]:
    """Return the ids of the k highest-scored items, best first; equal scores rank by id ascending."""
    # I write the binary heap myself here, to be explicit about what is compared.
    # The heap keeps the k best items seen so far, with the worst of them at the root.
    if k < 0:
        raise ValueError("k has to be zero or positive")

    kept_items = []
    if k == 0:
        return []

    for pair in scored:
        new_item = (pair[0], pair[1])
        if len(kept_items) < k:
            kept_items.append(new_item)
            _sift_up(kept_items, len(kept_items) - 1)
        elif _ranks_below(kept_items[0], new_item):
            # New item is better than the current worst one: overwrite the root
            # and restore the heap property.
            kept_items[0] = new_item
            _sift_down(kept_items, 0)

    # Drain the heap: each removal takes out the current worst item.
    # Filling the answer from the back gives best-first order directly.
    number_kept = len(kept_items)
    answer = [None] * number_kept
    fill_position = number_kept - 1
    while len(kept_items) > 0:
        worst_item = kept_items[0]
        last_item = kept_items.pop()
        if len(kept_items) > 0:
            kept_items[0] = last_item
            _sift_down(kept_items, 0)
        answer[fill_position] = worst_item[0]
        fill_position = fill_position - 1

    return answer
