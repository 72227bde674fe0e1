package index

import (
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// SetMappingVersionForTest records in a closed data directory that its
// index was built with mapping version v, as an older newsbot would have.
func SetMappingVersionForTest(dir string, v uint64) error {
	db, err := bolt.Open(filepath.Join(dir, storeFile), 0o600, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Update(func(tx *bolt.Tx) error { return putUint(tx.Bucket(bucketMeta), metaMapping, v) })
}
