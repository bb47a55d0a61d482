"""Events: PLOVER triggers, their actors, status and drafts."""
