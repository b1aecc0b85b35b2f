"""Publishing the library: a static HTML site (``site``, pure Python) and PDF and print
(``paged``, ``pdf``: Qt's text layout and PDF writer, QtGui only). Below the CLI and the
GUI, above ``core``; never the store."""
