"""The home page: the network's figures at a glance (see ``desktop.home.view``)."""

from desktop.home.panels import HomePanel, StatPanel
from desktop.home.view import GRID_COLUMNS, HomeView

__all__ = ["GRID_COLUMNS", "HomePanel", "HomeView", "StatPanel"]
