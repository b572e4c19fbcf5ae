// Intentionally empty: tests evaluate their messages in this worker.
