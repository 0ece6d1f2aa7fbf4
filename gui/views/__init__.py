"""Result views, chosen by a task's ``result_kind``."""
