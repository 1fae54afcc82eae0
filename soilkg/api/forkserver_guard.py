"""Imported only by the query workers' fork server (it is in the fork server's preload list, nowhere
else): on Linux the kernel SIGKILLs the fork server when the API process ends, even by SIGKILL, and
each worker asks the same of the fork server (``worker.main``). So no query outlives the API.

Never import this module from the API process: it would tie the API to its own parent.
"""

from soilkg.api.worker import die_with_parent

die_with_parent()
