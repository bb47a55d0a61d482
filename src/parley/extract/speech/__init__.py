"""Speech: quotes, attributions (reported speech) and the speakers and cues they share."""
