from tests.data_rights.helpers import clock  # noqa: F401 - fixture
