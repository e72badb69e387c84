import { describe, expect, it } from 'vitest';
import { decimalMarkOf, isAmbiguousNumber, normalizeZip, parseCompoundAddress, parseCoordinate, parseNumber } from '../../../../shared/domain/import/parse-values';
import { autoMap } from '../../../../shared/domain/import/presets';

describe('cell values', () => {
  it('reads CRM-style numbers and refuses anything else', () => {
    expect(parseNumber('1,234.5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('$ 6759560')).toEqual({ ok: true, value: 6759560 });
    expect(parseNumber('(500)')).toEqual({ ok: true, value: -500 });
    expect(parseNumber('-42')).toEqual({ ok: true, value: -42 });
    expect(parseNumber('1.2e6')).toEqual({ ok: true, value: 1.2e6 });
    expect(parseNumber('12 apples').ok).toBe(false);
    expect(parseNumber('1,2,3').ok).toBe(false);
  });

  it('refuses numbers too large for any measure, so totals stay finite', () => {
    expect(parseNumber('1e308')).toEqual({ ok: false, reason: '"1e308" is out of range (larger than 1e+15 in magnitude)' });
    expect(parseNumber('-2e15').ok).toBe(false);
    expect(parseNumber('1e999').ok).toBe(false);
    expect(parseNumber('999,999,999,999,999')).toEqual({ ok: true, value: 999_999_999_999_999 });
  });

  it('checks coordinate ranges', () => {
    expect(parseCoordinate('40.7', 'lat')).toEqual({ ok: true, value: 40.7 });
    expect(parseCoordinate('91', 'lat')).toMatchObject({ ok: false, reason: expect.stringMatching(/outside ±90/) });
    expect(parseCoordinate('-181', 'lon').ok).toBe(false);
  });

  it('keeps ZIP leading zeros and restores ones a spreadsheet dropped', () => {
    expect(normalizeZip('02101-1234')).toEqual({ zip: '02101', repaired: false });
    expect(normalizeZip('4770')).toEqual({ zip: '04770', repaired: true });
    expect(normalizeZip('sw1a 1aa')).toEqual({ zip: 'SW1A 1AA', repaired: false });
  });

  it('reads the Salesforce compound address JSON', () => {
    const cell = '{"city":"Katherinemouth","country":"United States","geocodeAccuracy":null,"latitude":null,"longitude":null,"postalCode":"74929","state":"ID","street":"757 William Pass"}';
    expect(parseCompoundAddress(cell)).toEqual({ street: '757 William Pass', city: 'Katherinemouth', state: 'ID', zip: '74929', country: 'United States' });
    expect(parseCompoundAddress('not json')).toBeNull();
  });
});

describe('automatic mapping', () => {
  it('maps Salesforce Account API names', () => {
    const { mapping, preset } = autoMap('accounts', ['Id', 'Name', 'BillingCity', 'BillingState', 'BillingPostalCode', 'BillingLatitude', 'BillingLongitude', 'BillingAddress', 'Industry', 'AnnualRevenue', 'NumberOfEmployees', 'OwnerId', 'Type']);
    expect(preset).toBe('salesforce');
    expect(mapping).toMatchObject({ id: 'Id', name: 'Name', city: 'BillingCity', state: 'BillingState', zip: 'BillingPostalCode', lat: 'BillingLatitude', lon: 'BillingLongitude', address: 'BillingAddress', potential: 'AnnualRevenue', employees: 'NumberOfEmployees', owner: 'OwnerId', type: 'Type' });
  });

  it('maps HubSpot company export names', () => {
    const { mapping, preset } = autoMap('accounts', ['Record ID', 'Company name', 'Company owner', 'City', 'State/Region', 'Postal Code', 'Industry', 'Annual Revenue', 'Number of Employees']);
    expect(preset).toBe('hubspot');
    expect(mapping).toMatchObject({ id: 'Record ID', name: 'Company name', owner: 'Company owner', city: 'City', state: 'State/Region', zip: 'Postal Code', potential: 'Annual Revenue', employees: 'Number of Employees' });
  });

  it('maps plain headers case- and punctuation-insensitively', () => {
    const { mapping, preset } = autoMap('accounts', ['ID', 'Account Name', 'zip_code', 'Latitude', 'LNG', 'Revenue']);
    expect(preset).toBe('plain');
    expect(mapping).toEqual({ id: 'ID', name: 'Account Name', zip: 'zip_code', lat: 'Latitude', lon: 'LNG', revenue: 'Revenue' });
  });
});

describe('decimal marks', () => {
  it('tells which mark a number proves, and which numbers are ambiguous', () => {
    expect(['1,234.5', '2.5', '0.125', '1234.000', '1,234,567'].map(decimalMarkOf)).toEqual(['point', 'point', 'point', 'point', 'point']);
    expect(['1.234,5', '2,5', '0,125', '1234,000', '1.234.567', '1 234,5'].map(decimalMarkOf)).toEqual(['comma', 'comma', 'comma', 'comma', 'comma', 'comma']);
    expect(['2.000', '12,500', '42', ''].map(decimalMarkOf)).toEqual([null, null, null, null]);
    expect(['2.000', '-12,500', '(1.000)'].map(isAmbiguousNumber)).toEqual([true, true, true]);
  });

  it('reads numbers with the file\'s mark and flags ambiguous ones when the mark is unknown', () => {
    expect(parseNumber('1.234,56', 'comma')).toEqual({ ok: true, value: 1234.56 });
    expect(parseNumber('2.000', 'comma')).toEqual({ ok: true, value: 2000 });
    expect(parseNumber('2,5', 'comma')).toEqual({ ok: true, value: 2.5 });
    expect(parseNumber('2.000', 'point')).toEqual({ ok: true, value: 2 });
    expect(parseNumber('2.000', null)).toEqual({ ok: true, value: 2, ambiguous: { other: 2000 } });
    expect(parseNumber('2,000', null)).toEqual({ ok: true, value: 2000, ambiguous: { other: 2 } });
    expect(parseNumber('1,234.5', 'comma').ok).toBe(false);
  });
});
