def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    """Return the merged [start, end] intervals, sorted by start; touching intervals merge."""
    # A different approach from the usual "sort the pairs and sweep":
    # I sort all the start points and all the end points separately.
    # Picture walking along the axis counting how many intervals are "active".
    # After sorting, the k-th smallest end is always >= the k-th smallest start
    # (each start has its own end to the right of it). A merged block ends after
    # the k-th end exactly when the (k+1)-th start lies strictly beyond that end,
    # because then every interval counted so far has closed before the next one opens.
    list_of_starts = []
    list_of_ends = []
    for interval in intervals:
        start_value = interval[0]
        end_value = interval[1]
        if start_value > end_value:
            raise ValueError("an interval must satisfy start <= end")
        list_of_starts.append(start_value)
        list_of_ends.append(end_value)

    number_of_intervals = len(list_of_starts)
    if number_of_intervals == 0:
        return []

    list_of_starts.sort()
    list_of_ends.sort()

    merged_blocks = []
    # Index (into the sorted starts) where the block currently being built begins.
    block_first_index = 0

    for index in range(number_of_intervals):
        is_last_interval = index == number_of_intervals - 1
        if is_last_interval:
            # The final end always closes the final block.
            block_is_closed = True
        else:
            # Strictly greater: a start equal to this end means the spans touch,
            # and touching closed intervals must be joined together.
            block_is_closed = list_of_starts[index + 1] > list_of_ends[index]

        if block_is_closed:
            block_start = list_of_starts[block_first_index]
            block_end = list_of_ends[index]
            merged_blocks.append([block_start, block_end])
            block_first_index = index + 1

    return merged_blocks
