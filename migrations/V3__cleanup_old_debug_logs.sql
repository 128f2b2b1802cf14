-- Seed 000's maintenance function: deletes debug-mode agent actions older than a cut-off (30 days by default) and
-- returns how many it deleted. It deletes in batches of batch_size rows by primary key, each batch a short
-- statement that locks only the rows it deletes, so the writers inserting new rows are never blocked.
-- Usage: SELECT cleanup_old_debug_logs();  SELECT cleanup_old_debug_logs(interval '3 days');
CREATE FUNCTION cleanup_old_debug_logs(older_than interval DEFAULT interval '30 days', batch_size integer DEFAULT 10000)
    RETURNS bigint
    LANGUAGE plpgsql
AS $$
DECLARE
    cutoff  timestamptz := now() - older_than;
    deleted bigint := 0;
    batch   integer;
BEGIN
    IF batch_size < 1 THEN
        RAISE EXCEPTION 'batch_size must be at least 1, was %', batch_size;
    END IF;
    LOOP
        DELETE FROM agent_actions
        WHERE event_id IN (SELECT event_id FROM agent_actions
                           WHERE debug_mode AND event_time < cutoff
                           LIMIT batch_size
                           FOR UPDATE SKIP LOCKED);
        GET DIAGNOSTICS batch = ROW_COUNT;
        deleted := deleted + batch;
        EXIT WHEN batch < batch_size;
    END LOOP;
    RETURN deleted;
END;
$$;
COMMENT ON FUNCTION cleanup_old_debug_logs(interval, integer) IS 'Deletes debug-mode agent actions older than the cut-off (default 30 days); returns the count.';
