from tests.unregistered.conftest import english, other_reviewer, reviewer, signed_in, supervisor

__all__ = ["english", "other_reviewer", "reviewer", "signed_in", "supervisor"]
