"""Import the built-in extractors so that they register themselves."""

from parley.extract.actors import extractor as actors  # noqa: F401
from parley.extract.events import extractor as events  # noqa: F401
from parley.extract.negotiation import agreements  # noqa: F401
from parley.extract.negotiation import extractor as negotiation  # noqa: F401
from parley.extract.speech import attributions, quotes  # noqa: F401
from parley.extract.timeplace import dates  # noqa: F401
