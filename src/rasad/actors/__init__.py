"""Stage — actors and places: dictionaries, clitic-aware matching, roles by date."""

from rasad.actors.gazetteer import Gazetteer, load_gazetteer
from rasad.actors.link import find_places, link_actors, outside_places

__all__ = ["Gazetteer", "find_places", "link_actors", "load_gazetteer", "outside_places"]
