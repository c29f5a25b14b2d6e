package catalog

import (
	"slices"
	"sort"
	"strconv"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/validation"
)

// AddPrice validates spec, checks it against the catalog and stores the
// price version it describes. Every fault is reported in one
// *validation.Error: the faults of spec, an unknown product ("product_id",
// CodeUnknown) or an archived one (CodeInactive), an unknown price book
// ("book_id", CodeUnknown), an ID already used ("id", CodeDuplicate), and a
// period that overlaps another version of the same product, book and
// currency ("effective_from", CodeOverlap, naming that version). Nothing is
// stored on error.
func (c *Catalog) AddPrice(spec PriceSpec) (Price, error) {
	p, specErr := NewPrice(spec)
	var errs validation.Errors
	errs.Merge(specErr)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ensureMaps()
	if spec.ProductID != "" {
		switch prod, ok := c.products[spec.ProductID]; {
		case !ok:
			errs.Add("product_id", validation.CodeUnknown, "product "+strconv.Quote(spec.ProductID)+" does not exist")
		case !prod.IsActive():
			errs.Add("product_id", validation.CodeInactive, "product "+strconv.Quote(spec.ProductID)+" is archived")
		}
	}
	if _, ok := c.books[spec.BookID]; !ok && spec.BookID != "" {
		errs.Add("book_id", validation.CodeUnknown, "price book "+strconv.Quote(spec.BookID)+" does not exist")
	}
	if _, ok := c.prices[spec.ID]; ok && spec.ID != "" {
		errs.Add("id", validation.CodeDuplicate, "price "+strconv.Quote(spec.ID)+" already exists")
	}
	key := seriesKey{product: spec.ProductID, book: spec.BookID, currency: spec.Currency}
	if specErr == nil {
		c.checkOverlap(&errs, key, "", spec.EffectiveFrom, spec.EffectiveTo)
	}
	if err := errs.Err(); err != nil {
		return Price{}, err
	}
	c.store(key, p)
	return p, nil
}

// ClosePrice sets the end of the price version with the given ID: end is
// the first day it is no longer in force. It is how a version is replaced:
// close the current one, then add the next one from the same day. end must
// be after the version's EffectiveFrom and must not make it overlap a later
// version; faults are a *validation.Error and an unknown ID a
// *NotFoundError. It returns the updated version.
func (c *Catalog) ClosePrice(id string, end date.Date) (Price, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old, ok := c.prices[id]
	if !ok {
		return Price{}, &NotFoundError{Kind: KindPrice, ID: id}
	}
	spec := old.Spec()
	spec.EffectiveTo = end
	var errs validation.Errors
	if end.IsZero() {
		errs.Add("effective_to", validation.CodeRequired, "is required")
	}
	p, err := NewPrice(spec)
	errs.Merge(err)
	key := seriesKey{product: spec.ProductID, book: spec.BookID, currency: spec.Currency}
	if errs.Len() == 0 {
		c.checkOverlap(&errs, key, id, spec.EffectiveFrom, end)
	}
	if err := errs.Err(); err != nil {
		return Price{}, err
	}
	versions := c.series[key]
	versions[slices.IndexFunc(versions, func(v Price) bool { return v.ID() == id })] = p
	c.prices[id] = p
	return p, nil
}

// checkOverlap records a CodeOverlap fault for each version of key, other
// than the one with ID skip, that shares a day with [from, to); a zero to
// means no end. c.mu must be held.
func (c *Catalog) checkOverlap(errs *validation.Errors, key seriesKey, skip string, from, to date.Date) {
	for _, v := range c.series[key] {
		if v.ID() == skip {
			continue
		}
		startsBeforeEnd := to.IsZero() || v.EffectiveFrom().Before(to)
		endsAfterStart := v.EffectiveTo().IsZero() || from.Before(v.EffectiveTo())
		if startsBeforeEnd && endsAfterStart {
			errs.Add("effective_from", validation.CodeOverlap, "period "+periodString(from, to)+
				" overlaps price version "+strconv.Quote(v.ID())+" in force "+v.Period())
		}
	}
}

// store adds p to the catalog; c.mu must be held for writing.
func (c *Catalog) store(key seriesKey, p Price) {
	versions := c.series[key]
	i := sort.Search(len(versions), func(i int) bool { return versions[i].EffectiveFrom().After(p.EffectiveFrom()) })
	c.series[key] = slices.Insert(versions, i, p)
	c.prices[p.ID()] = p
}
