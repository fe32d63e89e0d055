"""Place names to countries, divisions and coordinates from an offline GeoNames-derived gazetteer."""
