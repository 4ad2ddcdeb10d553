"""
Builds the type-inference corpus (packages/domain/src/datasets/inference/corpus/) from data that ships in
registry packages, plus generated and hand-written columns. Reproduce with:

    cd /tmp && npm pack vega-datasets@3.2.1 spdx-license-list@6.12.0 && mkdir vega spdx \
      && tar xzf vega-datasets-3.2.1.tgz -C vega && tar xzf spdx-license-list-6.12.0.tgz -C spdx
    python3 -m venv /tmp/corpus-venv && /tmp/corpus-venv/bin/pip install faker==40.54.0 scikit-learn==1.9.1
    /tmp/corpus-venv/bin/python apps/workers/src/bench/inference/build-corpus.py /tmp/vega/package /tmp/spdx/package

Values are the cells' text as a CSV reader would give them (JSON numbers keep their literal spelling, JSON null
becomes a missing cell). At most 500 values per column, taken evenly across the file. The labels are not made
here: labels.csv is written by hand (generated columns are labelled by what they were generated as).
"""
import csv
import gzip
import io
import json
import os
import random
import sys
from decimal import Decimal

OUT = os.path.join(os.path.dirname(__file__), '../../../../../packages/domain/src/datasets/inference/corpus')
MAX_VALUES = 500


def spread(rows):
    """At most MAX_VALUES rows, evenly across the file so sorted files still show their range."""
    if len(rows) <= MAX_VALUES:
        return rows
    step = len(rows) / MAX_VALUES
    return [rows[int(i * step)] for i in range(MAX_VALUES)]


def text(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, Decimal):
        return str(v)
    return v if isinstance(v, str) else str(v)


def write(name, source, columns):
    with open(os.path.join(OUT, f'{name}.json'), 'w', encoding='utf-8') as f:
        json.dump({'source': source, 'columns': [{'name': n, 'values': vs} for n, vs in columns]}, f, ensure_ascii=False, separators=(',', ':'))
        f.write('\n')


def csv_columns(path, names=None, delimiter=','):
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    header, body = rows[0], spread(rows[1:])
    keep = names or header
    return [(n, [r[header.index(n)] if header.index(n) < len(r) else None for r in body]) for n in keep]


def json_columns(records, names=None):
    body = spread(records)
    keep = names or list(records[0].keys())
    return [(n, [text(r.get(n)) for r in body]) for n in keep]


def load_json(path):
    with open(path, encoding='utf-8') as f:
        # Literal spellings: 18.0 stays "18.0", 1e-5 stays "1e-5".
        return json.load(f, parse_float=str, parse_int=str)


def vega(root):
    d = os.path.join(root, 'data')
    source = 'npm vega-datasets@3.2.1, data/'
    # Only datasets whose terms (as vega-datasets' datapackage.json records them) allow redistribution: U.S.
    # government works, public domain, CC0, CC BY 4.0, the UK Open Government Licence, and generated data.
    for f in ['airports.csv', 'birdstrikes.csv', 'co2-concentration.csv', 'github.csv', 'global-temp.csv',
              'iowa-electricity.csv', 'gapminder-health-income.csv', 'population_engineers_hurricanes.csv',
              'seattle-weather-hourly-normals.csv', 'seattle-weather.csv', 'weather.csv', 'zipcodes.csv', 'flights-airport.csv']:
        write(f'vega-{f.rsplit(".", 1)[0]}', source + f, csv_columns(os.path.join(d, f)))
    write('vega-political-contributions', source + 'political-contributions.json', json_columns(load_json(os.path.join(d, 'political-contributions.json')), [
        'Candidate_Identification', 'Candidate_Name', 'Incumbent_Challenger_Status', 'Party_Code', 'Party_Affiliation', 'Total_Receipts',
        'Total_Disbursements', 'Ending_Cash', 'Candidate_State', 'Candidate_District', 'Coverage_End_Date', 'Transfers_from_Authorized_Committees']))
    write('vega-species', source + 'species.csv', csv_columns(os.path.join(d, 'species.csv'), ['common_name', 'scientific_name', 'habitat_yearround_pct']))
    write('vega-us-employment', source + 'us-employment.csv',
          csv_columns(os.path.join(d, 'us-employment.csv'), ['month', 'nonfarm', 'construction', 'wholesale_trade', 'utilities', 'nonfarm_change']))
    write('vega-unemployment', source + 'unemployment.tsv', csv_columns(os.path.join(d, 'unemployment.tsv'), delimiter='\t'))
    for f in ['cars.json', 'penguins.json', 'flights-2k.json', 'gapminder.json', 'income.json', 'budgets.json',
              'londonCentroids.json', 'normal-2d.json', 'us-state-capitals.json']:
        write(f'vega-{f.rsplit(".", 1)[0]}', source + f, json_columns(load_json(os.path.join(d, f))))
    quakes = load_json(os.path.join(d, 'earthquakes.json'))['features']
    records = []
    for q in quakes:
        p = q['properties']
        lon, lat, depth = q['geometry']['coordinates']
        records.append({'id': q['id'], 'mag': p['mag'], 'place': p['place'], 'time': p['time'], 'url': p['url'], 'detail': p['detail'],
                        'status': p['status'], 'tsunami': p['tsunami'], 'sig': p['sig'], 'net': p['net'], 'code': p['code'],
                        'magType': p['magType'], 'depth': depth,
                        # Derived: the feed's coordinates written the two ways spreadsheets write points.
                        'lat_lon': f'{lat},{lon}', 'wkt': f'POINT({lon} {lat})'})
    write('vega-earthquakes', source + 'earthquakes.json (GeoJSON features flattened; lat_lon and wkt formatted from the geometry)', json_columns(records))


def sklearn_data():
    import sklearn
    d = os.path.join(os.path.dirname(sklearn.__file__), 'datasets', 'data')
    source = f'PyPI scikit-learn=={sklearn.__version__}, sklearn/datasets/data/'

    def numeric(file, names, delimiter=','):
        with open(os.path.join(d, file), newline='') as f:
            rows = list(csv.reader(f, delimiter=delimiter))
        body = spread(rows[1:])
        return [(n, [r[i] for r in body]) for i, n in enumerate(names) if n]

    write('sklearn-iris', source + 'iris.csv', numeric('iris.csv', ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'target']))
    write('sklearn-wine', source + 'wine_data.csv', numeric('wine_data.csv', ['alcohol', 'malic_acid', 'ash', 'alcalinity_of_ash', 'magnesium', '', '', '', '', 'color_intensity', '', '', 'proline', 'class']))
    write('sklearn-breast-cancer', source + 'breast_cancer.csv', numeric('breast_cancer.csv', ['mean_radius', 'mean_texture', '', 'mean_area', 'mean_smoothness'] + [''] * 25 + ['malignant']))
    write('sklearn-linnerud', source + 'linnerud_exercise.csv', numeric('linnerud_exercise.csv', ['chins', 'situps', 'jumps'], delimiter=' '))


def spdx(root):
    with open(os.path.join(root, 'spdx-full.json'), encoding='utf-8') as f:
        licences = json.load(f)
    records = [{'id': k, 'name': v['name'], 'url': v.get('url'), 'osiApproved': v.get('osiApproved')} for k, v in licences.items()]
    write('spdx-licenses', 'npm spdx-license-list@6.12.0, spdx-full.json (licence texts left out)', json_columns(records))


# ---- Generated columns: Faker (MIT) with a fixed seed, and hand-written Korean lists. Each is labelled by what
# ---- it was generated as; labels.csv gets those rows rewritten (the rows for real data are written by hand).

GENERATED_ROWS = 200


def generated():
    from datetime import date, datetime, timedelta, timezone
    from faker import Faker

    Faker.seed(20241)
    random.seed(20241)
    fake = {loc: Faker(loc) for loc in ['en_US', 'ko_KR', 'de_DE', 'en_GB', 'fr_FR', 'ja_JP']}
    for i, f in enumerate(fake.values()):
        f.seed_instance(20241 + i)
    us, ko = fake['en_US'], fake['ko_KR']
    n = GENERATED_ROWS
    columns, labels = {}, []

    def add(file, name, values, label, fmt='', note=''):
        columns.setdefault(file, []).append((name, values))
        labels.append((file, name, label, fmt, note))

    def with_nulls(values, share, tokens=('', 'N/A', 'NULL', '-')):
        return [random.choice(tokens) if random.random() < share else v for v in values]

    def days(start=date(1990, 1, 1), end=date(2025, 12, 31)):
        span = (end - start).days
        return [start + timedelta(days=random.randrange(span)) for _ in range(n)]

    def moments():
        start = datetime(2015, 1, 1)
        return [start + timedelta(seconds=random.randrange(10 * 365 * 86400), microseconds=random.randrange(1_000_000)) for _ in range(n)]

    F = 'generated-faker'
    add(F, 'email', [us.email() for _ in range(n)], 'email')
    add(F, 'company_email', [us.company_email() for _ in range(n)], 'email')
    add(F, 'email_de', [fake['de_DE'].email() for _ in range(n)], 'email')
    add(F, 'email_ko', [ko.email() for _ in range(n)], 'email')
    add(F, 'email_fr', [fake['fr_FR'].email() for _ in range(n)], 'email')
    add(F, 'billing_email', [f'{us.user_name()}+{random.choice(["shop", "news", "billing"])}@{us.domain_name()}'.upper() if random.random() < 0.2 else us.email() for _ in range(n)], 'email', note='plus tags, some in capitals')
    add(F, 'contact_email', with_nulls([us.free_email() for _ in range(n)], 0.05), 'email', note='5% null tokens')
    for loc in ['ko_KR', 'en_GB', 'de_DE', 'en_US', 'fr_FR', 'ja_JP']:
        add(F, f'phone_{loc}', [fake[loc].phone_number() for _ in range(n)], 'phone', note=f'Faker {loc} phone_number()')
    add(F, 'website', [us.url() for _ in range(n)], 'url')
    add(F, 'link', [us.uri() for _ in range(n)], 'url')
    add(F, 'image_url', [us.image_url() for _ in range(n)], 'url')
    add(F, 'www_address', with_nulls([f'www.{us.domain_name()}/{us.uri_path()}' for _ in range(n)], 0.05, ('',)), 'url', note='no scheme, 5% empty')
    add(F, 'homepage_ko', [ko.url() for _ in range(n)], 'url')
    add(F, 'uuid', [us.uuid4() for _ in range(n)], 'identifier')
    add(F, 'iban', [us.iban() for _ in range(n)], 'identifier')
    add(F, 'isbn', [us.isbn13() for _ in range(n)], 'identifier')
    add(F, 'ssn', [us.ssn() for _ in range(n)], 'identifier')
    add(F, 'ip_address', [us.ipv4() for _ in range(n)], 'identifier')
    add(F, 'ean', [us.ean13() for _ in range(n)], 'identifier')
    add(F, 'mac_address', [us.mac_address() for _ in range(n)], 'identifier')
    add(F, 'md5', [us.md5() for _ in range(n)], 'identifier')
    add(F, 'order_no', [f'ORD-2024-{i:06d}' for i in random.sample(range(1, 999999), n)], 'identifier')
    add(F, 'sku', [us.bothify('SKU-####-??').upper() for _ in range(n)], 'identifier')
    add(F, 'full_name', [us.name() for _ in range(n)], 'string')
    add(F, 'street_address', [us.street_address() for _ in range(n)], 'string')
    add(F, 'job', [us.job() for _ in range(n)], 'string')
    add(F, 'catch_phrase', [us.catch_phrase() for _ in range(n)], 'string')
    add(F, 'comment', with_nulls([us.sentence() for _ in range(n)], 0.2, ('',)), 'string', note='20% empty')
    add(F, 'city', [us.city() for _ in range(n)], 'string')
    add(F, 'color', [us.color_name() for _ in range(n)], 'string', note='about 140 distinct names')
    add(F, 'user_agent', [us.user_agent() for _ in range(n)], 'string')

    for name, fmt, pattern in [('date_iso', '%Y-%m-%d', 'yyyy-MM-dd'), ('date_dmy', '%d/%m/%Y', 'dd/MM/yyyy'), ('date_mdy', '%m/%d/%Y', 'MM/dd/yyyy'),
                               ('date_de', '%d.%m.%Y', 'dd.MM.yyyy'), ('date_dotted', '%Y.%m.%d', 'yyyy.MM.dd'), ('date_slashed', '%Y/%m/%d', 'yyyy/MM/dd'),
                               ('date_month_name', '%b %d, %Y', 'MMM dd, yyyy'), ('date_oracle', '%d-%b-%Y', 'dd-MMM-yyyy'), ('date_compact', '%Y%m%d', 'yyyyMMdd')]:
        add(F, name, [d.strftime(fmt) for d in days()], 'date', pattern)
    ambiguous = [date(random.randrange(1990, 2025), random.randrange(1, 13), random.randrange(1, 13)) for _ in range(n)]
    add(F, 'date_ambiguous', [d.strftime('%d/%m/%Y') for d in ambiguous], 'date', 'ambiguous', 'every day is 12 or less')
    dirty = [d.isoformat() for d in days()]
    for i in random.sample(range(n), 9):
        dirty[i] = random.choice(['unknown', '2024-13-01', 'TBD', '2023-02-30'])
    add(F, 'date_dirty', dirty, 'date', 'yyyy-MM-dd', '3% bad values')
    add(F, 'created_at', [m.isoformat() for m in moments()], 'timestamp', "yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
    add(F, 'updated_at', [m.strftime('%Y-%m-%d %H:%M:%S') for m in moments()], 'timestamp', 'yyyy-MM-dd HH:mm:ss')
    kst = timezone(timedelta(hours=9))
    add(F, 'event_time_kst', [m.replace(microsecond=0, tzinfo=kst).isoformat() for m in moments()], 'timestamp', "yyyy-MM-dd'T'HH:mm:ssXXX")
    add(F, 'logged_at_utc', [m.strftime('%Y-%m-%dT%H:%M:%SZ') for m in moments()], 'timestamp', "yyyy-MM-dd'T'HH:mm:ssXXX")
    add(F, 'pickup_time', [m.strftime('%m/%d/%Y %I:%M %p') for m in moments()], 'timestamp', 'MM/dd/yyyy hh:mm a')
    add(F, 'departure', [m.strftime('%d/%m/%Y %H:%M') for m in moments()], 'timestamp', 'dd/MM/yyyy HH:mm')

    add(F, 'price_usd', [us.pricetag() for _ in range(n)], 'money', 'USD')
    add(F, 'preis', [fake['de_DE'].pricetag() for _ in range(n)], 'money', 'EUR')
    add(F, 'amount_eur', [f'EUR {random.uniform(0.5, 900):.2f}' for _ in range(n)], 'money', 'EUR')
    add(F, 'price_gbp', [f'£{random.uniform(1, 5000):,.2f}' for _ in range(n)], 'money', 'GBP')
    add(F, 'price_jpy', [f'¥{random.randrange(100, 500000):,}' for _ in range(n)], 'money', 'JPY')
    add(F, 'total_usd', [f'{random.uniform(1, 999):.2f} USD' for _ in range(n)], 'money', 'USD')

    add(F, 'verified', [str(random.random() < 0.6) for _ in range(n)], 'boolean', note='Python True/False')
    add(F, 'newsletter', [random.choice(['Y', 'N']) for _ in range(n)], 'boolean')
    add(F, 'consent', [random.choice(['yes', 'no']) for _ in range(n)], 'boolean')
    add(F, 'is_active', [random.choice(['1', '0']) for _ in range(n)], 'boolean', note='0/1 with a flag name')
    add(F, 'subscribed', [random.choice(['1', '0']) for _ in range(n)], 'boolean', note='0/1 without a flag name')
    add(F, 'approved', with_nulls([random.choice(['TRUE', 'FALSE']) for _ in range(n)], 0.1, ('',)), 'boolean', note='10% empty')

    def lat_lon():
        lat, lon, *_ = us.local_latlng()
        return lat, lon

    points = [lat_lon() for _ in range(n)]
    add(F, 'location', [f'{a},{b}' for a, b in points], 'geopoint', 'lat,lon', 'Faker local_latlng(): real places')
    add(F, 'location_wkt', [f'POINT({b} {a})' for a, b in points], 'geopoint', 'POINT(lon lat)')
    add(F, 'coordinates', [f'({a}, {b})' for a, b in [lat_lon() for _ in range(n)]], 'geopoint', 'lat,lon')

    add(F, 'size', [random.choice(['S', 'M', 'L', 'XL']) for _ in range(n)], 'enum')
    add(F, 'status', [random.choice(['active', 'inactive', 'pending']) for _ in range(n)], 'enum')
    add(F, 'grade', [random.choice('ABCDF') for _ in range(n)], 'enum')
    add(F, 'currency', [random.choice(['KRW', 'USD', 'EUR', 'JPY']) for _ in range(n)], 'enum')
    add(F, 'country_code', [random.choice(['KR', 'US', 'JP', 'CN', 'DE', 'FR', 'GB', 'VN', 'TH', 'SG', 'AU', 'CA']) for _ in range(n)], 'enum')
    add(F, 'blood_type', [random.choice(['A', 'B', 'O', 'AB']) for _ in range(n)], 'enum')

    add(F, 'population', [f'{random.randrange(1000, 90000000):,}' for _ in range(n)], 'integer', note='thousands grouped with ","')
    add(F, 'betrag', [f'{random.uniform(-5000, 250000):,.2f}'.replace(',', '_').replace('.', ',').replace('_', '.') for _ in range(n)], 'decimal', note='1.234,56')
    add(F, 'balance', [f'{random.uniform(-10000, 10000):.2f}' for _ in range(n)], 'decimal')
    quantity = [str(random.randrange(1, 500)) for _ in range(n)]
    for i in random.sample(range(n), 6):
        quantity[i] = random.choice(['unknown', 'n.a.', '?'])
    add(F, 'quantity', with_nulls(quantity, 0.03), 'integer', note='2% junk, 3% null tokens')
    add(F, 'account_balance_minor_units', [str(random.randrange(10**10, 10**15)) for _ in range(n)], 'long')
    add(F, 'file_size_bytes', [str(random.randrange(10**6, 10**13)) for _ in range(n)], 'long')
    add(F, 'epoch_ms', [str(int(m.timestamp() * 1000)) for m in moments()], 'long', note='epoch milliseconds: numbers stay numbers')
    add(F, 'views', [str(int(10 ** random.uniform(0, 11))) for _ in range(n)], 'long', note='log-uniform up to 10^11')
    add(F, 'rate_constant', [f'{random.uniform(1, 9):.3e}'.replace('e', random.choice(['e', 'E'])) for _ in range(n)], 'double', note='scientific notation')
    add(F, 'score', [repr(random.random() * 100) for _ in range(n)], 'double', note='Python floats, up to 17 digits')
    add(F, 'discount', [f'{random.choice([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3])}' for _ in range(n)], 'decimal')
    add(F, 'age', [str(random.randrange(18, 90)) for _ in range(n)], 'integer')

    K = 'generated-korean'
    sido = ['서울특별시', '부산광역시', '대구광역시', '인천광역시', '광주광역시', '대전광역시', '울산광역시', '세종특별자치시', '경기도', '강원특별자치도',
            '충청북도', '충청남도', '전북특별자치도', '전라남도', '경상북도', '경상남도', '제주특별자치도']
    add(K, '이름', [ko.name() for _ in range(n)], 'string', note='Faker ko_KR name()')
    add(K, '주소', [ko.address() for _ in range(n)], 'string', note='Faker ko_KR address()')
    add(K, '회사명', [ko.company() for _ in range(n)], 'string', note='Faker ko_KR company()')
    add(K, '전화번호', [ko.phone_number() for _ in range(n)], 'phone', note='Faker ko_KR phone_number()')
    add(K, '휴대폰', [f'010-{random.randrange(1000, 10000)}-{random.randrange(10000):04d}' for _ in range(n)], 'phone')
    add(K, '휴대폰_숫자만', [f'010{random.randrange(1000, 10000)}{random.randrange(10000):04d}' for _ in range(n)], 'phone', note='digits only')
    add(K, '국제전화', [f'+82 10-{random.randrange(1000, 10000)}-{random.randrange(10000):04d}' for _ in range(n)], 'phone')
    add(K, '대표번호', [f'{random.choice(["1588", "1577", "1644", "1899"])}-{random.randrange(10000):04d}' for _ in range(n)], 'phone')
    add(K, '사업자번호', [f'{random.randrange(100, 1000)}-{random.randrange(10, 100)}-{random.randrange(10000, 100000)}' for _ in range(n)], 'identifier')
    add(K, '주민등록번호', [ko.ssn() for _ in range(n)], 'identifier', note='Faker ko_KR ssn() (fake numbers)')
    add(K, '차량번호', [ko.license_plate() for _ in range(n)], 'identifier', note='Faker ko_KR license_plate()')
    add(K, '우편번호', [ko.postcode() for _ in range(n)], 'identifier', note='five digits, some with a leading zero')
    add(K, '시도', [random.choice(sido) for _ in range(n)], 'enum')
    add(K, '성별', [random.choice(['남', '여']) for _ in range(n)], 'enum')
    add(K, '요일', [random.choice('월화수목금토일') for _ in range(n)], 'enum')
    add(K, '우선순위', [random.choice(['낮음', '보통', '높음']) for _ in range(n)], 'enum')
    add(K, '결제수단', with_nulls([random.choice(['카드', '현금', '계좌이체', '간편결제']) for _ in range(n)], 0.05, ('', '-')), 'enum')
    add(K, '부서', [random.choice(['영업부', '인사부', '총무부', '개발팀', '디자인팀', '마케팅팀', '재무팀', '고객지원팀']) for _ in range(n)], 'enum')
    add(K, '동의여부', [random.choice(['예', '아니오']) for _ in range(n)], 'boolean')
    add(K, '수신동의', [random.choice(['네', '아니요']) for _ in range(n)], 'boolean')
    add(K, '참석', [random.choice(['O', 'X']) for _ in range(n)], 'boolean')
    add(K, '사용여부', [random.choice(['Y', 'N']) for _ in range(n)], 'boolean')
    add(K, '금액', [f'{random.randrange(10, 100000) * 100:,}원' for _ in range(n)], 'money', 'KRW')
    add(K, '가격', [f'₩{random.randrange(10, 100000) * 100:,}' for _ in range(n)], 'money', 'KRW')
    add(K, '결제금액', [random.choice([f'{v:,}원', f'{v:,}']) for v in (random.randrange(1, 5000) * 1000 for _ in range(n))], 'money', 'KRW', 'half without 원')
    add(K, '매출액', [f'{random.randrange(1000, 10**9):,}' for _ in range(n)], 'integer', note='grouped, no currency')
    add(K, '가입일', [f'{d.year}년 {d.month}월 {d.day}일' for d in days()], 'date', 'yyyy년 M월 d일')
    add(K, '생년월일', [f'{d.year}. {d.month}. {d.day}.' for d in days(date(1950, 1, 1), date(2005, 12, 31))], 'date', 'yyyy. M. d.')
    add(K, '주문일자', [d.strftime('%Y%m%d') for d in days(date(2015, 1, 1))], 'date', 'yyyyMMdd')
    add(K, '접수일시', [f'{m:%Y-%m-%d} {"오전" if m.hour < 12 else "오후"} {(m.hour % 12) or 12}:{m:%M}' for m in moments()], 'timestamp', 'yyyy-MM-dd a h:mm')
    add(K, '등록일시', [m.strftime('%Y.%m.%d %H:%M') for m in moments()], 'timestamp', 'yyyy.MM.dd HH:mm')
    cities = [('서울', 37.5665, 126.9780), ('부산', 35.1796, 129.0756), ('인천', 37.4563, 126.7052), ('대구', 35.8714, 128.6014),
              ('대전', 36.3504, 127.3845), ('광주', 35.1595, 126.8526), ('울산', 35.5384, 129.3114), ('제주', 33.4996, 126.5312)]
    add(K, '좌표', [f'{lat + random.uniform(-0.05, 0.05):.6f},{lon + random.uniform(-0.05, 0.05):.6f}' for _, lat, lon in (random.choice(cities) for _ in range(n))], 'geopoint', 'lat,lon')
    products = ['무선 이어폰', '블루투스 스피커', '기계식 키보드', '게이밍 마우스', '노트북 거치대', '보조배터리', '스마트워치', '전기포트', '에어프라이어', '가습기']
    adjectives = ['프리미엄', '초경량', '대용량', '미니', '신형', '베스트', '한정판', '친환경']
    add(K, '상품명', [f'{random.choice(adjectives)} {random.choice(products)} {random.choice(["화이트", "블랙", "그레이", "네이비"])}' for _ in range(n)], 'string')
    reviews = ['배송이 빨라요', '가격 대비 만족합니다', '포장이 꼼꼼했어요', '생각보다 작아요', '재구매 의사 있습니다', '색상이 사진과 달라요',
               '품질이 좋아요', '설명서가 불친절해요', '선물용으로 좋아요', '소음이 조금 있어요']
    add(K, '후기', with_nulls([f'{random.choice(reviews)}. {random.choice(reviews)}' for _ in range(n)], 0.1, ('',)), 'string')
    add(K, '나이', [str(random.randrange(19, 80)) for _ in range(n)], 'integer')
    add(K, '수량', [str(random.randrange(1, 30)) for _ in range(n)], 'integer')
    add(K, '평점', [f'{random.randrange(10, 51) / 10:.1f}' for _ in range(n)], 'decimal')

    sources = {
        F: 'generated by build-corpus.py with Faker 40.54.0 (seed 20241) and Python formatting',
        K: 'generated by build-corpus.py from Korean lists written for this corpus, and Faker 40.54.0 ko_KR (seed 20241)',
    }
    for file, cols in columns.items():
        write(file, sources[file], cols)
    return labels


def write_generated_labels(labels):
    path = os.path.join(OUT, 'labels.csv')
    with open(path, newline='', encoding='utf-8') as f:
        kept = [r for r in csv.reader(f) if not r[0].startswith('generated-')]
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerows(kept)
        w.writerows(labels)


def main():
    vega(sys.argv[1])
    spdx(sys.argv[2])
    sklearn_data()
    write_generated_labels(generated())


if __name__ == '__main__':
    main()
