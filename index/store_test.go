package index_test

import (
	"newsbot/handlers"
	"newsbot/index"
)

// Index is the handlers' Store.
var _ handlers.Store = (*index.Index)(nil)
