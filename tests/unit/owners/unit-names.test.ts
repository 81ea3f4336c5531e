/**
 * bot/domain/owners/unit-names.ts, rule by rule: region words, the bureau itself, abbreviations, the unit key
 * two namings share, phrases naming several units, and bodies outside the bureau's chart.
 */
import { describe, expect, it } from 'vitest';
import { bureauOf, looksOutside, namesSeveral, splitRegion, unitKey, withoutBureau } from '../../../bot/domain/owners/unit-names.js';

const QIJIANG = bureauOf('重庆市綦江区科学技术局');
const NONE = bureauOf(null);

describe('splitRegion and bureauOf', () => {
  it.each([
    ['重庆市綦江区科学技术局', ['重庆市', '綦江区'], '科学技术局'],
    [' 綦江区 科技局 ', ['綦江区'], '科技局'],
    ['市场监管局', [], '市场监管局'],
    ['区财政局', [], '区财政局'],
    ['江北区域中心', [], '江北区域中心'],
    ['綦江区', [], '綦江区'],
    ['', [], ''],
  ])('%j → %j + %j', (name, regions, rest) => expect(splitRegion(name)).toEqual({ regions, rest }));

  it('names the bureau by its full name without region; an unknown issuer has none', () => {
    expect(QIJIANG).toEqual({ regions: ['重庆市', '綦江区'], core: '科学技术局' });
    expect(bureauOf('綦江区科技局')).toEqual({ regions: ['綦江区'], core: '科学技术局' });
    expect(NONE).toEqual({ regions: [], core: null });
  });
});

describe('withoutBureau', () => {
  it.each([
    ['区科技局高新科', '高新科', false],
    ['区科技局', '科学技术局', true],
    ['綦江区科技局', '科学技术局', true],
    ['局办公室', '办公室', false],
    ['局办', '办公室', false],
    ['本局', '本局', true],
    ['本局高新科', '高新科', false],
    ['本局科', '本局科', false],
    ['局科', '局科', false],
    ['綦江区', '綦江区', false],
    ['区办', '区办', false],
    ['县科协', '科协', false],
    ['区域合作科', '区域合作科', false],
    ['高新区科', '高新区科', false],
    ['科技创新局办公', '科技创新局办公', false],
  ])('%j → %j (the bureau itself: %s)', (name, rest, self) => expect(withoutBureau(name, QIJIANG)).toEqual({ rest, self }));

  it('without a known bureau only 本局 and 局机关 name it', () => {
    expect(withoutBureau('高新本局', NONE)).toEqual({ rest: '高新本局', self: false });
    expect(withoutBureau('本局', NONE)).toEqual({ rest: '本局', self: true });
  });
});

describe('unitKey', () => {
  it.each([
    ['高新科', '高新'], ['高新股', '高新'], ['区科技局高新科', '高新'], ['党政办公室', '党政'], ['党政办', '党政'],
    ['办公室', '办公'], ['科室', '科室'], ['股室', '股室'], ['党政办公室副主任', '党政办公室副主任'],
  ])('%j → %j', (name, key) => expect(unitKey(name, QIJIANG)).toBe(key));
});

describe('namesSeveral', () => {
  it.each([['各科室', true], ['局机关各科室', true], ['相关部门', true], ['区级有关部门', true], ['全体人员', true], ['镇街等相关单位', true],
    ['科技相关部门', true], ['各镇街', true], ['高新科', false], ['科技其他科', false], ['高新科相关部门联络员', false], ['高新科各股', false]])(
    '%j → %s', (name, several) => expect(namesSeveral(name)).toBe(several));
});

describe('looksOutside', () => {
  it.each([['区财政局', true], ['市科技局', true], ['国网南川供电公司', true], ['人行綦江支行', true], ['派出所', true], ['区市场服务中心', true],
    ['区域合作科', false], ['市场科', false], ['高新科', false], ['社保中心', false], ['高新区管理科', false], ['局长办公室', false]])(
    '%j → %s', (name, outside) => expect(looksOutside(name)).toBe(outside));
});
